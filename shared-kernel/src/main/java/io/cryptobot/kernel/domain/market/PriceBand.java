package io.cryptobot.kernel.domain.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A venue's percent-price band (Binance {@code PERCENT_PRICE_BY_SIDE}, or {@code PERCENT_PRICE} with the same
 * multipliers on both sides): a buy's price must lie within {@code [average * bidDown, average * bidUp]}, a sell's
 * within {@code [average * askDown, average * askUp]}, where {@code average} is the venue's weighted average price
 * over the last {@code averageMinutes} minutes (0: the last price).
 */
public record PriceBand(BigDecimal bidUp, BigDecimal bidDown, BigDecimal askUp, BigDecimal askDown,
                        int averageMinutes) {
    public PriceBand {
        Objects.requireNonNull(bidUp, "bidUp");
        Objects.requireNonNull(bidDown, "bidDown");
        Objects.requireNonNull(askUp, "askUp");
        Objects.requireNonNull(askDown, "askDown");
        if (bidUp.signum() <= 0 || askUp.signum() <= 0 || bidDown.signum() < 0 || askDown.signum() < 0
                || bidDown.compareTo(bidUp) > 0 || askDown.compareTo(askUp) > 0 || averageMinutes < 0) {
            throw new IllegalArgumentException("a band needs 0 <= down <= up, up > 0 and minutes >= 0: " + bidUp + "/"
                    + bidDown + "/" + askUp + "/" + askDown + "/" + averageMinutes);
        }
    }

    /** Binance's older {@code PERCENT_PRICE}: one band for both sides. */
    public static PriceBand bothSides(BigDecimal up, BigDecimal down, int averageMinutes) {
        return new PriceBand(up, down, up, down, averageMinutes);
    }
}
