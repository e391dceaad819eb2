package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.domain.sweep.Objective;
import io.cryptobot.backtest.domain.sweep.PointResult;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.WindowResult;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A completed sweep's results. Grid and random: {@code ranked}, best first, each point with its rank (1 = best),
 * parameters, objective figure (a decimal string) and report. Walk-forward: {@code windows} in time order (in-sample winner and its
 * in-sample figure, then its out-of-sample report) and {@code outOfSample}, the aggregate of the out-of-sample
 * reports only. Non-finite figures are {@code null}.
 */
public record SweepResultsResponse(String objective, boolean maximize, int skipped, List<Point> ranked,
                                   List<Window> windows, OutOfSample outOfSample) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SweepPoint")
    public record Point(int rank, int index, Map<String, String> parameters, String objective,
                        ReportResponse report) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SweepWindow")
    public record Window(Instant inSampleFrom, Instant inSampleTo, Instant outOfSampleFrom, Instant outOfSampleTo,
                         Map<String, String> bestParameters, String inSampleObjective, ReportResponse inSample,
                         ReportResponse outOfSample) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SweepOutOfSample")
    public record OutOfSample(int windows, String compoundedReturn, int trades, String worstDrawdown) {
    }

    static SweepResultsResponse of(SweepResult result, Objective objective) {
        List<Point> ranked = new ArrayList<>();
        for (PointResult p : result.ranked()) {
            ranked.add(new Point(ranked.size() + 1, p.index(), p.parameters(), finite(objective.value(p.report())),
                    ReportResponse.of(p.report())));
        }
        List<Window> windows = new ArrayList<>();
        for (WindowResult w : result.windows()) {
            windows.add(new Window(Instant.ofEpochMilli(w.window().inSampleFrom()),
                    Instant.ofEpochMilli(w.window().inSampleTo()), Instant.ofEpochMilli(w.window().outOfSampleFrom()),
                    Instant.ofEpochMilli(w.window().outOfSampleTo()), w.best().parameters(),
                    finite(w.inSampleObjective()), ReportResponse.of(w.best().report()),
                    ReportResponse.of(w.outOfSample())));
        }
        OutOfSample outOfSample = result.outOfSample().map(o -> new OutOfSample(o.windows(),
                finite(o.compoundedReturn()), o.trades(), finite(o.worstDrawdown()))).getOrNull();
        return new SweepResultsResponse(objective.metric().code(), objective.metric().maximize(), result.skipped(),
                ranked, windows, outOfSample);
    }

    private static String finite(double value) {
        return Decimals.approx(value);
    }
}
