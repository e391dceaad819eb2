package io.cryptobot.bot.domain.live;

import static io.cryptobot.bot.domain.live.LiveFixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.vavr.control.Option;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LiveAccountLimitsTest {
    private static final Asset USDT = new Asset("USDT");
    // at most 250 USDT an order, no new risk once the day's loss reaches 40 USDT
    private final LiveAccountLimits limits = LiveAccountLimits.parse("USDT", "250", "40").get();

    private static VenueOrder limit(Side side, String quantity, String price) {
        return new VenueOrder("c", BTC, side, OrderType.LIMIT, Quantity.parse(quantity, 4).get(),
                Option.some(Price.parse(price, 2).get()), Option.none(), TimeInForce.GTC, false);
    }

    private static VenueOrder market(Side side, String quantity) {
        return new VenueOrder("m", BTC, side, OrderType.MARKET, Quantity.parse(quantity, 4).get(), Option.none(),
                Option.none(), TimeInForce.GTC, false);
    }

    private static Money usdt(String amount) {
        return Money.of(new BigDecimal(amount), USDT);
    }

    private static Quantity btc(String quantity) {
        return Quantity.parse(quantity, 4).get();
    }

    @Nested
    class Max_order_notional {
        @Test
        void an_order_at_the_limit_passes_and_a_cent_above_is_refused_with_the_numbers() {
            // 0.0050 x 50000.00 = 250.00: at the limit; 0.0050 x 50000.02 = 250.0001: above
            assertThat(limits.refusal(limit(Side.BUY, "0.0050", "50000.00"), Option.none(), usdt("0"), btc("0")))
                    .isEmpty();
            LiveAccountLimits.Refusal refused = limits.refusal(limit(Side.BUY, "0.0050", "50000.02"), Option.none(),
                    usdt("0"), btc("0")).get();
            assertThat(refused.rule()).isEqualTo("account_max_order_notional");
            assertThat(refused.reason()).isEqualTo("order notional 250.0001 USDT exceeds the live account's max "
                    + "order notional of 250 USDT");
        }

        @Test
        void a_market_order_is_valued_at_the_reference_price_and_also_when_it_sells() {
            // 0.0100 x 26000 = 260 > 250
            assertThat(limits.refusal(market(Side.SELL, "0.0100"), Option.some(Price.parse("26000.00", 2).get()),
                    usdt("0"), btc("1")).get().rule()).isEqualTo("account_max_order_notional");
            assertThat(limits.refusal(market(Side.BUY, "0.0100"), Option.some(Price.parse("25000.00", 2).get()),
                    usdt("0"), btc("0"))).isEmpty();
        }
    }

    @Nested
    class Max_daily_loss {
        @Test
        void once_the_days_loss_reaches_the_limit_only_orders_that_shrink_the_position_pass() {
            LiveAccountLimits.Refusal refused = limits.refusal(limit(Side.BUY, "0.0010", "50000.00"), Option.none(),
                    usdt("-40"), btc("0.0020")).get();
            assertThat(refused.rule()).isEqualTo("account_max_daily_loss");
            assertThat(refused.reason()).isEqualTo("the day's P&L -40 USDT has reached the live account's max daily "
                    + "loss of 40 USDT; only orders that shrink a position pass");
            assertThat(limits.refusal(limit(Side.SELL, "0.0020", "50000.00"), Option.none(), usdt("-40"),
                    btc("0.0020"))).as("selling what is held").isEmpty();
            assertThat(limits.refusal(limit(Side.SELL, "0.0030", "50000.00"), Option.none(), usdt("-40"),
                    btc("0.0020")).get().rule()).as("selling more than is held").isEqualTo("account_max_daily_loss");
        }

        @Test
        void a_loss_below_the_limit_refuses_nothing() {
            assertThat(limits.refusal(limit(Side.BUY, "0.0010", "50000.00"), Option.none(), usdt("-39.99"),
                    btc("0"))).isEmpty();
        }
    }

    @Nested
    class Parsing_and_the_owners_limits {
        @Test
        void both_limits_are_required_positive_decimals_in_a_known_currency() {
            assertThat(LiveAccountLimits.parse("USDT", null, "-1").getError()).containsExactly(
                    new Violation("maxOrderNotional", "is required: the largest order notional on the live account"),
                    new Violation("maxDailyLoss", "must be positive"));
            assertThat(LiveAccountLimits.parse("us dt", "1", "1").getError())
                    .extracting(Violation::field).containsExactly("currency");
        }

        @Test
        void limits_looser_than_the_owners_are_named_each_with_both_numbers() {
            Option<Asset> in = Option.some(USDT);
            assertThat(limits.looserThan(in, Option.some(usdt("200")), Option.some(usdt("50")))).containsExactly(new Violation("maxOrderNotional", "250 is looser "
                    + "than your own max order notional of 200; a live account cannot trade under a wider limit "
                    + "than yours"));
            assertThat(LiveAccountLimits.parse("USDT", "200", "50").get().looserThan(in, Option.some(usdt("200")),
                    Option.some(usdt("50")))).isEmpty();
            assertThat(limits.looserThan(Option.none(), Option.none(), Option.none())).as("no limits of yours")
                    .isEmpty();
        }

        @Test
        void limits_in_another_currency_than_the_owners_cannot_be_compared_and_are_refused() {
            Asset usdc = new Asset("USDC");
            assertThat(limits.looserThan(Option.some(usdc), Option.some(Money.of(new BigDecimal("200"), usdc)),
                    Option.none())).extracting(Violation::field).containsExactly("currency");
        }
    }
}
