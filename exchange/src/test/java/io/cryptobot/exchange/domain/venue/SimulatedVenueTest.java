package io.cryptobot.exchange.domain.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.VenueListener;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The simulated venue's reports, on hand-worked numbers: BTC/USDT, tick 0.01, step 0.0001, maker 0.02 %, taker
 * 0.1 % in USDT, no slippage, at most half a candle's volume per limit fill. The fill model's rules themselves are
 * specified in FillModelTest; here is what the venue reports, in which order, and what it keeps on its book.
 */
class SimulatedVenueTest {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    private final Account account = new Account("10000", "0");
    private final SimulatedVenue venue = new SimulatedVenue(List.of(new FillModel(new InstrumentRules(BTC,
            new Price(1, 2), new Quantity(1, 4)), FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
            SlippageModel.none(), Rate.parse("0.5").get())), "v1-");

    SimulatedVenueTest() {
        venue.connect(account);
    }

    @Nested
    class Arrival {
        @Test
        void an_order_arrives_at_the_next_bar_accepted_then_fills_there() {
            venue.submit(market("m-1", Side.BUY, "1.0000"));
            assertThat(account.reports).isEmpty();
            venue.onBar(BTC, bar(60_000, "100.00 101.00 99.00 100.50", "10.0000"));
            // 1 BTC at the open 100.00, taker fee 0.1 % = 0.10 USDT
            assertThat(account.lines()).containsExactly("accepted m-1 SIM-1 60000",
                    "filled m-1 v1-T1 1 @ 100 fee 0.1 TAKER 60000");
            assertThat(venue.hasWorkingOrders()).isFalse();
        }

        @Test
        void an_order_the_account_cannot_pay_is_rejected_on_arrival() {
            venue.submit(market("m-1", Side.BUY, "200.0000"));
            venue.onBar(BTC, bar(60_000, "100.00 101.00 99.00 100.50", "1000.0000"));
            assertThat(account.lines()).singleElement().asString().startsWith("rejected m-1 insufficient balance");
        }

        @Test
        void a_resting_order_the_account_can_no_longer_pay_is_canceled_by_the_venue() {
            venue.submit(limit("l-1", Side.BUY, "1.0000", "90.00", TimeInForce.GTC));
            venue.onBar(BTC, bar(60_000, "100.00 101.00 99.00 100.50", "10.0000"));
            account.set("USDT", "10");
            venue.onBar(BTC, bar(120_000, "95.00 96.00 80.00 85.00", "10.0000"));
            assertThat(account.lines()).containsExactly("accepted l-1 SIM-1 60000",
                    "canceled l-1 insufficient balance: insufficient USDT balance 120000");
        }
    }

    @Nested
    class Partials {
        @Test
        void a_gtc_limit_takes_half_a_bar_and_rests_with_the_remainder() {
            venue.submit(limit("l-1", Side.BUY, "4.0000", "100.00", TimeInForce.GTC));
            venue.onBar(BTC, bar(60_000, "100.00 100.00 99.00 99.50", "2.0000"));
            venue.onBar(BTC, bar(120_000, "99.50 99.80 98.00 99.00", "2.0000"));
            // marketable on arrival at the open 100.00 (taker), 1.0 of the 2.0 volume; then resting, through the
            // limit: 1.0 at its limit 100.00 as maker, fee 0.02 % = 0.02
            assertThat(account.lines()).containsExactly("accepted l-1 SIM-1 60000",
                    "filled l-1 v1-T1 1 @ 100 fee 0.1 TAKER 60000", "filled l-1 v1-T2 1 @ 100 fee 0.02 MAKER 120000");
            assertThat(venue.hasWorkingOrders()).isTrue();
        }

        @Test
        void an_ioc_limit_filled_in_part_expires_the_rest_after_its_fill() {
            venue.submit(limit("i-1", Side.BUY, "4.0000", "100.00", TimeInForce.IOC));
            venue.onBar(BTC, bar(60_000, "100.00 100.00 99.00 99.50", "2.0000"));
            assertThat(account.lines()).containsExactly("accepted i-1 SIM-1 60000",
                    "filled i-1 v1-T1 1 @ 100 fee 0.1 TAKER 60000", "expired i-1 60000");
            assertThat(venue.hasWorkingOrders()).isFalse();
        }
    }

    @Nested
    class Triggers {
        @Test
        void a_stop_reports_its_trigger_before_the_fill_it_causes() {
            venue.submit(new VenueOrder("s-1", BTC, Side.BUY, OrderType.STOP_MARKET, qty("1.0000"), Option.none(),
                    Option.some(price("105.00")), TimeInForce.GTC, false));
            venue.onBar(BTC, bar(60_000, "100.00 104.00 99.00 103.00", "10.0000"));
            venue.onBar(BTC, bar(120_000, "103.00 106.00 102.00 105.50", "10.0000"));
            // the high 106 reaches the trigger inside the bar: it meets the market at the trigger, 105.00
            assertThat(account.lines()).containsExactly("accepted s-1 SIM-1 60000", "triggered s-1 120000",
                    "filled s-1 v1-T1 1 @ 105 fee 0.105 TAKER 120000");
        }
    }

    @Nested
    class Cancels {
        @Test
        void a_cancel_takes_the_order_off_the_book_at_once_and_twice_reports_once() {
            venue.submit(limit("l-1", Side.BUY, "1.0000", "90.00", TimeInForce.GTC));
            venue.onBar(BTC, bar(60_000, "100.00 101.00 99.00 100.50", "10.0000"));
            venue.cancel("l-1");
            venue.cancel("l-1");
            venue.onBar(BTC, bar(120_000, "89.00 89.00 85.00 86.00", "10.0000"));
            assertThat(account.lines()).containsExactly("accepted l-1 SIM-1 60000", "canceled l-1 canceled 60000");
        }

        @Test
        void an_order_submitted_while_a_bar_is_matched_meets_that_bar_after_the_others() {
            Account reacting = new Account("10000", "0") {
                @Override
                public void onReport(VenueReport report) {
                    super.onReport(report);
                    if (report instanceof VenueReport.Filled filled && filled.clientOrderId().equals("m-1")) {
                        venue2.submit(market("m-2", Side.BUY, "1.0000"));
                    }
                }
            };
            venue2.connect(reacting);
            venue2.submit(market("m-1", Side.BUY, "1.0000"));
            venue2.onBar(BTC, bar(60_000, "100.00 101.00 99.00 100.50", "10.0000"));
            assertThat(reacting.lines()).containsExactly("accepted m-1 SIM-1 60000",
                    "filled m-1 v2-T1 1 @ 100 fee 0.1 TAKER 60000", "accepted m-2 SIM-2 60000",
                    "filled m-2 v2-T2 1 @ 100 fee 0.1 TAKER 60000");
        }

        private final SimulatedVenue venue2 = new SimulatedVenue(List.of(new FillModel(new InstrumentRules(BTC,
                new Price(1, 2), new Quantity(1, 4)), FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                SlippageModel.none(), Rate.parse("0.5").get())), "v2-");
    }

    @Test
    void a_client_order_id_on_the_book_cannot_be_submitted_again_nor_an_instrument_it_does_not_trade() {
        venue.submit(limit("l-1", Side.BUY, "1.0000", "90.00", TimeInForce.GTC));
        assertThatThrownBy(() -> venue.submit(limit("l-1", Side.BUY, "1.0000", "90.00", TimeInForce.GTC)))
                .isInstanceOf(IllegalArgumentException.class);
        InstrumentId eth = InstrumentId.parse("SIM:ETH/USDT").get();
        assertThatThrownBy(() -> venue.submit(new VenueOrder("e-1", eth, Side.BUY, OrderType.MARKET, qty("1.0000"),
                Option.none(), Option.none(), TimeInForce.GTC, false))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- fixtures ----

    static VenueOrder market(String id, Side side, String quantity) {
        return new VenueOrder(id, BTC, side, OrderType.MARKET, qty(quantity), Option.none(), Option.none(),
                TimeInForce.GTC, false);
    }

    static VenueOrder limit(String id, Side side, String quantity, String limit, TimeInForce tif) {
        return new VenueOrder(id, BTC, side, OrderType.LIMIT, qty(quantity), Option.some(price(limit)), Option.none(),
                tif, false);
    }

    static Candle bar(long time, String ohlc, String volume) {
        String[] p = ohlc.split(" ");
        return new Candle(time, price(p[0]), price(p[1]), price(p[2]), price(p[3]), qty(volume));
    }

    static Price price(String text) {
        return Price.parse(text, 2).get();
    }

    static Quantity qty(String text) {
        return Quantity.parse(text, 4).get();
    }

    /** The account side: balances set by hand (the venue only reads them), reports kept as lines. */
    static class Account implements VenueListener {
        final List<VenueReport> reports = new ArrayList<>();
        private final Map<Asset, Money> balances = new HashMap<>();

        Account(String usdt, String btc) {
            set("USDT", usdt);
            set("BTC", btc);
        }

        void set(String asset, String amount) {
            int scale = asset.equals("USDT") ? 6 : 4;
            balances.put(Asset.parse(asset).get(), new Money(FixedPoint.parse(amount, scale).get(), scale,
                    Asset.parse(asset).get()));
        }

        @Override
        public void onReport(VenueReport report) {
            reports.add(report);
        }

        @Override
        public Money balance(Asset asset) {
            return balances.get(asset);
        }

        List<String> lines() {
            return reports.stream().map(r -> switch (r) {
                case VenueReport.Accepted a -> "accepted " + a.clientOrderId() + " " + a.venueOrderId() + " " + a.time();
                case VenueReport.Rejected x -> "rejected " + x.clientOrderId() + " " + x.reason() + " " + x.time();
                case VenueReport.Triggered t -> "triggered " + t.clientOrderId() + " " + t.time();
                case VenueReport.Filled f -> "filled " + f.clientOrderId() + " " + f.tradeId() + " "
                        + f.lastQty().toBigDecimal().stripTrailingZeros().toPlainString() + " @ "
                        + f.lastPx().toBigDecimal().stripTrailingZeros().toPlainString() + " fee "
                        + f.commission().toBigDecimal().stripTrailingZeros().toPlainString() + " " + f.liquidity()
                        + " " + f.time();
                case VenueReport.Canceled c -> "canceled " + c.clientOrderId() + " " + c.reason() + " " + c.time();
                case VenueReport.Expired e -> "expired " + e.clientOrderId() + " " + e.time();
            }).toList();
        }
    }
}
