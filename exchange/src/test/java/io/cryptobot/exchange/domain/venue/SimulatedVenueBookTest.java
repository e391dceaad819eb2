package io.cryptobot.exchange.domain.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.Venue;
import io.cryptobot.kernel.domain.execution.VenueListener;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The venue's book by price against a straightforward scan of every working order at every bar
 * ({@link ScanningVenue}, the venue before the book): the same random session played on both must give the same
 * reports, in the same order. Many resting orders at many prices, limits (GTC, IOC, FOK, limits off the tick),
 * stops, stop-limits and take-profits of both sides, market orders, bars without volume and bars too thin to fill
 * a limit whole, gaps through resting orders, cancels between bars, orders placed as a reaction to a fill (they
 * meet the same bar), and an account that runs short so that fills are refused.
 */
class SimulatedVenueBookTest {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    static final InstrumentId ETH = InstrumentId.parse("SIM:ETH/USDT").get();
    static final Asset USDT = Asset.parse("USDT").get();

    static List<FillModel> models() {
        return List.of(model(BTC, 5), model(ETH, 1));
    }

    static FillModel model(InstrumentId instrument, long tickUnits) {
        return new FillModel(new InstrumentRules(instrument, new Price(tickUnits, 2), new Quantity(1, 4)),
                FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)), SlippageModel.none(),
                Rate.parse("0.3").get());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void the_book_reports_what_a_scan_of_every_order_reports(long seed) {
        List<String> scanned = play(seed, listener -> new ScanningVenue(models(), "v-"));
        List<String> booked = play(seed, listener -> new SimulatedVenue(models(), "v-"));

        assertThat(scanned.stream().filter(line -> line.startsWith("filled")).count()).isGreaterThan(200);
        assertThat(scanned.stream().filter(line -> line.startsWith("triggered")).count()).isGreaterThan(20);
        assertThat(scanned.stream().filter(line -> line.startsWith("canceled") && line.contains("insufficient")))
                .isNotEmpty();
        int same = 0;
        while (same < Math.min(booked.size(), scanned.size()) && booked.get(same).equals(scanned.get(same))) {
            same++;
        }
        assertThat(booked.subList(same, Math.min(booked.size(), same + 5))).as("reports from #%d on", same)
                .isEqualTo(scanned.subList(same, Math.min(scanned.size(), same + 5)));
    }

    @Test
    void an_order_canceled_by_a_reaction_is_met_no_more_and_the_others_still_meet_the_bar() {
        List<String> lines = new ArrayList<>();
        SimulatedVenue venue = new SimulatedVenue(models(), "v-");
        venue.connect(new VenueListener() {
            @Override
            public void onReport(VenueReport report) {
                lines.add(report.getClass().getSimpleName() + " " + report.clientOrderId());
                if (report instanceof VenueReport.Filled filled && filled.clientOrderId().equals("a")) {
                    venue.cancel("early"); // earlier on the book than "a", met already
                    venue.cancel("a");     // its own fill was partial: the rest is canceled
                }
            }

            @Override
            public Money balance(Asset asset) {
                return new Money(1_000_000_000_000L, asset.equals(USDT) ? 6 : 4, asset);
            }
        });
        for (String id : List.of("early", "a", "b")) {
            venue.submit(new VenueOrder(id, ETH, Side.BUY, OrderType.LIMIT, Quantity.parse("5", 4).get(),
                    Option.some(new Price(id.equals("early") ? 90_00 : 99_00, 2)), Option.none(), TimeInForce.GTC,
                    false));
        }
        venue.onBar(ETH, candle(0, 100_00, 101_00, 99_50, "10"));
        // a and b trade through (low 98.00 < 99.00), each capped at 30 % of the volume: 3 of 5
        venue.onBar(ETH, candle(60_000, 100_00, 100_50, 98_00, "10"));
        venue.onBar(ETH, candle(120_000, 99_00, 99_50, 97_00, "10"));

        assertThat(lines).containsExactly("Accepted early", "Accepted a", "Accepted b",
                "Filled a", "Canceled early", "Canceled a", "Filled b",
                "Filled b");
        assertThat(venue.hasWorkingOrders()).isFalse();
    }

    static Candle candle(long time, long open, long high, long low, String volume) {
        return new Candle(time, new Price(open, 2), new Price(high, 2), new Price(low, 2), new Price(open, 2),
                Quantity.parse(volume, 4).get());
    }

    /** One random session: orders placed and canceled between bars, a reaction now and then, bars walking. */
    private static List<String> play(long seed, Function<VenueListener, Venue> venues) {
        Random random = new Random(seed);
        Account account = new Account(new Random(seed * 31 + 7));
        Venue venue = venues.apply(account);
        account.venue = venue;
        venue.connect(account);
        long[] start = {10_000_00, 12_000_00};
        long[] price = start.clone();
        List<String> placed = new ArrayList<>();
        for (int bar = 0; bar < 300; bar++) {
            for (int market = 0; market < 2; market++) {
                InstrumentId instrument = market == 0 ? BTC : ETH;
                int orders = bar < 3 ? 400 : random.nextInt(25);
                for (int i = 0; i < orders; i++) {
                    placed.add(account.place(instrument, price[market], random));
                }
                for (int i = 0; i < 3 && !placed.isEmpty(); i++) {
                    venue.cancel(placed.get(random.nextInt(placed.size())));
                }
                long open = near(price[market] - (price[market] - start[market]) / 20,
                        random.nextInt(10) == 0 ? 400 : 20, random);
                long close = near(open, 60, random);
                long high = Math.max(open, close) + Math.abs(near(0, 40, random));
                long low = Math.min(open, close) - Math.abs(near(0, 40, random));
                price[market] = close;
                String volume = switch (random.nextInt(8)) {
                    case 0 -> "0";
                    case 1 -> "0.0005";
                    default -> Long.toString(random.nextLong(1, 200));
                };
                venue.onBar(instrument, new Candle(60_000L * bar, new Price(open, 2), new Price(high, 2),
                        new Price(low, 2), new Price(close, 2), Quantity.parse(volume, 4).get()));
            }
        }
        return account.lines;
    }

    /**
     * A price (units of 0.01) within {@code dollars} of {@code around}, mostly a whole dollar or a few hundredths
     * off one: prices of orders and bars meet exactly, or one tick apart, often (the edges of a bar's reach).
     */
    static long near(long around, int dollars, Random random) {
        return around - Math.floorMod(around, 100) + random.nextInt(-dollars, dollars + 1) * 100L
                + (random.nextBoolean() ? 0 : random.nextInt(-3, 4));
    }

    /** The account: balances moved by its fills (fees in USDT), reports kept as lines, a reaction now and then. */
    static final class Account implements VenueListener {
        final List<String> lines = new ArrayList<>();
        final Random reactions;
        Venue venue;
        BigDecimal usdt = new BigDecimal("4000000");
        BigDecimal btc = new BigDecimal("150");
        BigDecimal eth = new BigDecimal("900");
        private final Map<String, VenueOrder> orders = new HashMap<>();
        private long next;

        Account(Random reactions) {
            this.reactions = reactions;
        }

        String place(InstrumentId instrument, long around, Random random) {
            String id = "o" + (++next);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            OrderType type = switch (random.nextInt(10)) {
                case 0 -> OrderType.MARKET;
                case 1, 2 -> OrderType.STOP_MARKET;
                case 3, 4 -> OrderType.STOP_LIMIT;
                case 5 -> OrderType.TAKE_PROFIT;
                default -> OrderType.LIMIT;
            };
            TimeInForce tif = type == OrderType.LIMIT && random.nextInt(8) == 0
                    ? (random.nextBoolean() ? TimeInForce.IOC : TimeInForce.FOK) : TimeInForce.GTC;
            Option<Price> limit = type.hasLimitPrice() ? Option.some(random.nextInt(6) == 0
                    ? new Price(near(around, 80, random) * 10 + random.nextInt(-9, 10), 3)
                    : new Price(near(around, 80, random), 2)) : Option.none();
            Option<Price> trigger = type.isConditional()
                    ? Option.some(new Price(near(around, 80, random), 2)) : Option.none();
            Quantity quantity = new Quantity(random.nextInt(20) == 0 ? random.nextLong(1_000_0000L, 4_000_0000L)
                    : random.nextLong(1, 3_0000), 4);
            VenueOrder order = new VenueOrder(id, instrument, side, type, quantity, limit, trigger, tif, false);
            orders.put(id, order);
            venue.submit(order);
            return id;
        }

        @Override
        public void onReport(VenueReport report) {
            lines.add(switch (report) {
                case VenueReport.Accepted a -> "accepted " + a.clientOrderId() + " " + a.venueOrderId() + " " + a.time();
                case VenueReport.Rejected x -> "rejected " + x.clientOrderId() + " " + x.reason() + " " + x.time();
                case VenueReport.Triggered t -> "triggered " + t.clientOrderId() + " " + t.time();
                case VenueReport.Filled f -> "filled " + f.clientOrderId() + " " + f.tradeId() + " " + f.lastQty()
                        + " @ " + f.lastPx() + " fee " + f.commission() + " " + f.liquidity() + " " + f.time();
                case VenueReport.Canceled c -> "canceled " + c.clientOrderId() + " " + c.reason() + " " + c.time();
                case VenueReport.Expired e -> "expired " + e.clientOrderId() + " " + e.time();
            });
            if (report instanceof VenueReport.Filled filled) {
                VenueOrder order = orders.get(filled.clientOrderId());
                book(order, filled);
                if (reactions.nextInt(4) == 0) {
                    // a strategy reacting to its fill: the order meets the bar being matched
                    place(order.instrument(), filled.lastPx().units(), reactions);
                }
            }
        }

        private void book(VenueOrder order, VenueReport.Filled filled) {
            BigDecimal qty = filled.lastQty().toBigDecimal();
            BigDecimal value = qty.multiply(filled.lastPx().toBigDecimal());
            BigDecimal fee = filled.commission().toBigDecimal();
            boolean buy = order.side() == Side.BUY;
            usdt = buy ? usdt.subtract(value).subtract(fee) : usdt.add(value).subtract(fee);
            BigDecimal base = buy ? qty : qty.negate();
            if (order.instrument().equals(BTC)) {
                btc = btc.add(base);
            } else {
                eth = eth.add(base);
            }
        }

        @Override
        public Money balance(Asset asset) {
            BigDecimal amount = asset.equals(USDT) ? usdt : asset.code().equals("BTC") ? btc : eth;
            int scale = asset.equals(USDT) ? 6 : 4;
            return new Money(amount.setScale(scale, RoundingMode.FLOOR).unscaledValue().longValueExact(), scale,
                    asset);
        }
    }
}
