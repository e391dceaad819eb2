package io.cryptobot.bot.domain.live;

import static io.cryptobot.bot.domain.live.LiveFixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.market.PriceBand;
import io.vavr.control.Option;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
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

    @Nested
    class The_percent_price_band {
        // hand-worked: average 30000; buys within [0.8 x, 1.05 x] = [24000, 31500], sells within [0.95 x, 1.2 x]
        // = [28500, 36000]
        private final VenueFilters banded = new VenueFilters(new BigDecimal("0.01"), new BigDecimal("0.0001"),
                Option.none(), Option.some(new PriceBand(new BigDecimal("1.05"), new BigDecimal("0.8"),
                new BigDecimal("1.2"), new BigDecimal("0.95"), 5)));
        private final BigDecimal average = new BigDecimal("30000");

        private VenueOrder order(Side side, String price) {
            return new VenueOrder("b", BTC, side, OrderType.LIMIT, Quantity.parse("0.0100", 4).get(),
                    Option.some(Price.parse(price, 2).get()), Option.none(), TimeInForce.GTC, false);
        }

        @Test
        void a_price_on_the_bands_edges_passes() {
            assertThat(banded.bandRefusal(order(Side.BUY, "31500.00"), average)).isEmpty();
            assertThat(banded.bandRefusal(order(Side.BUY, "24000.00"), average)).isEmpty();
            assertThat(banded.bandRefusal(order(Side.SELL, "28500.00"), average)).isEmpty();
            assertThat(banded.bandRefusal(order(Side.SELL, "36000.00"), average)).isEmpty();
        }

        @Test
        void a_buy_a_cent_above_its_upper_edge_is_refused_with_the_numbers() {
            assertThat(banded.bandRefusal(order(Side.BUY, "31500.01"), average).get())
                    .isEqualTo("buy price 31500.01 is above 31500 (the venue's average price 30000 x 1.05, its "
                            + "percent-price band over 5 min)");
        }

        @Test
        void a_sell_a_cent_below_its_lower_edge_is_refused_with_the_numbers() {
            assertThat(banded.bandRefusal(order(Side.SELL, "28499.99"), average).get())
                    .isEqualTo("sell price 28499.99 is below 28500 (the venue's average price 30000 x 0.95, its "
                            + "percent-price band over 5 min)");
        }

        @Test
        void each_side_has_its_own_band() {
            assertThat(banded.bandRefusal(order(Side.SELL, "31500.01"), average)).isEmpty();
            assertThat(banded.bandRefusal(order(Side.BUY, "28499.99"), average)).isEmpty();
            assertThat(banded.bandRefusal(order(Side.BUY, "23999.99"), average)).isNotEmpty();
        }

        @Test
        void only_priced_orders_of_an_instrument_with_a_band_need_the_average() {
            VenueOrder market = new VenueOrder("m", BTC, Side.BUY, OrderType.MARKET, Quantity.parse("0.0100", 4).get(),
                    Option.none(), Option.none(), TimeInForce.GTC, false);
            assertThat(banded.needsAveragePrice(market)).isFalse();
            assertThat(banded.bandRefusal(market, average)).isEmpty();
            assertThat(banded.needsAveragePrice(order(Side.BUY, "30000.00"))).isTrue();
            assertThat(binance.needsAveragePrice(limit("100.10", "0.0500"))).isFalse();
        }
    }
}
