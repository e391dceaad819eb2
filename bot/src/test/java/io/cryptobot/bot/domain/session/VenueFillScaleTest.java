package io.cryptobot.bot.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.execution.VenueReport;
import org.junit.jupiter.api.Test;

/** A venue's fill at its own quantity scale (Binance writes 8 decimals) is booked at the order's when exact. */
class VenueFillScaleTest {
    private static VenueReport.Filled fill(Quantity qty) {
        return new VenueReport.Filled("c-1", "t-1", qty, new Price(9871, 2),
                new Money(49888034, 8, new Asset("USDT")), LiquiditySide.TAKER, 1L);
    }

    @Test
    void a_quantity_with_trailing_zeros_is_rescaled_to_the_orders_scale() {
        VenueReport.Filled booked = SessionExecution.inOrderScale(fill(new Quantity(40_000_000L, 8)), 3);
        assertThat(booked.lastQty()).isEqualTo(new Quantity(400, 3));
        assertThat(booked.lastPx()).isEqualTo(new Price(9871, 2));
        assertThat(booked.tradeId()).isEqualTo("t-1");
    }

    @Test
    void a_quantity_finer_than_the_orders_scale_is_left_as_reported_to_be_refused() {
        Quantity finer = new Quantity(40_000_001L, 8);
        assertThat(SessionExecution.inOrderScale(fill(finer), 3).lastQty()).isEqualTo(finer);
        Quantity same = new Quantity(400, 3);
        assertThat(SessionExecution.inOrderScale(fill(same), 3).lastQty()).isSameAs(same);
    }
}
