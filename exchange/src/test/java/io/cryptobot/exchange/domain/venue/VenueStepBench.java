package io.cryptobot.exchange.domain.venue;

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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

/**
 * A step of the replay with many resting orders, as {@code bin/bench-load} leaves them (hand limit buys at 1000.00
 * under a market near 40,000): the thread CPU of one {@code onBar} of the venue (book by price) and of the scan
 * ({@link ScanningVenue}, the venue before the book). Not a test: run by hand,
 * {@code java -cp <test classes>:<classes>:<deps> io.cryptobot.exchange.domain.venue.VenueStepBench [orders] [bars]}.
 */
final class VenueStepBench {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<FillModel> models = List.of(new FillModel(new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 5)),
                FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)), SlippageModel.none(),
                Rate.parse("0.1").get()));
        for (int round = 0; round < 3; round++) {
            report("scan", orders, bars, () -> new ScanningVenue(models, "s-"));
            report("book", orders, bars, () -> new SimulatedVenue(models, "b-"));
        }
    }

    private static void report(String name, int orders, int bars, Supplier<Venue> venues) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Venue venue = venues.get();
        venue.connect(new VenueListener() {
            @Override
            public void onReport(VenueReport report) {
            }

            @Override
            public Money balance(Asset asset) {
                return new Money(1_000_000_000_000_000L, 8, asset);
            }
        });
        for (int i = 0; i < orders; i++) {
            venue.submit(new VenueOrder("o" + i, BTC, Side.BUY, OrderType.LIMIT, new Quantity(1000, 5),
                    Option.some(new Price(1000_00, 2)), Option.none(), TimeInForce.GTC, false));
        }
        venue.onBar(BTC, bar(0)); // every order arrives and rests
        long[] nanos = new long[bars];
        for (int i = 0; i < bars; i++) {
            long before = cpu.getCurrentThreadCpuTime();
            venue.onBar(BTC, bar(i + 1));
            nanos[i] = cpu.getCurrentThreadCpuTime() - before;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("%s: %,d resting orders, %d bars: CPU a step median %.3f ms, p90 %.3f ms, max %.3f ms%n",
                name, orders, bars, nanos[bars / 2] / 1e6, nanos[bars * 9 / 10] / 1e6, nanos[bars - 1] / 1e6);
    }

    private static Candle bar(int i) {
        long open = 40_000_00 + (i % 7) * 10_00;
        return new Candle(60_000L * i, new Price(open, 2), new Price(open + 50_00, 2), new Price(open - 50_00, 2),
                new Price(open + 5_00, 2), new Quantity(12_000_000, 5));
    }
}
