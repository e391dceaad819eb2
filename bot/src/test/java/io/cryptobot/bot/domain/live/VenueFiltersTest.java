package io.cryptobot.bot.domain.live;

import static io.cryptobot.bot.domain.live.LiveFixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.vavr.control.Option;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VenueFiltersTest {
    private final VenueFilters binance = new VenueFilters(new BigDecimal("0.10"), new BigDecimal("0.001"),
            Option.some(new BigDecimal("5")));

    private static VenueOrder limit(String price, String quantity) {
        return new VenueOrder("c", BTC, Side.BUY, OrderType.LIMIT, Quantity.parse(quantity, 4).get(),
                Option.some(Price.parse(price, 2).get()), Option.none(), TimeInForce.GTC, false);
    }

    @Test
    void an_order_on_the_grids_and_above_the_minimum_passes() {
        assertThat(binance.refusal(limit("100.10", "0.0500"), Option.none())).isEmpty();
    }

    @Test
    void every_broken_filter_is_named_with_its_numbers() {
        assertThat(binance.refusal(limit("100.15", "0.0015"), Option.none()).get())
                .isEqualTo("limit price 100.15 is not a multiple of the venue's tick 0.1; quantity 0.0015 is not a "
                        + "multiple of the venue's step 0.001; notional 0.150225 is below the venue's minimum 5");
    }

    @Test
    void a_market_orders_notional_is_judged_at_the_reference_price_and_not_without_one() {
        VenueOrder market = new VenueOrder("m", BTC, Side.BUY, OrderType.MARKET, Quantity.parse("0.0100", 4).get(),
                Option.none(), Option.none(), TimeInForce.GTC, false);
        assertThat(binance.refusal(market, Option.some(Price.parse("400.00", 2).get())).get())
                .isEqualTo("notional 4 is below the venue's minimum 5");
        assertThat(binance.refusal(market, Option.some(Price.parse("600.00", 2).get()))).isEmpty();
        assertThat(binance.refusal(market, Option.none())).isEmpty();
    }
}
