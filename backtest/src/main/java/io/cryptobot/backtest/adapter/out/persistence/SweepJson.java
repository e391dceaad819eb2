package io.cryptobot.backtest.adapter.out.persistence;

import io.cryptobot.backtest.domain.sweep.Objective;
import io.cryptobot.backtest.domain.sweep.OutOfSample;
import io.cryptobot.backtest.domain.sweep.ParameterSpace;
import io.cryptobot.backtest.domain.sweep.PointResult;
import io.cryptobot.backtest.domain.sweep.Search;
import io.cryptobot.backtest.domain.sweep.SweepKind;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import io.cryptobot.backtest.domain.sweep.WalkForward;
import io.cryptobot.backtest.domain.sweep.WindowResult;
import io.vavr.control.Option;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's spec and results as JSON. The base config goes through {@link ConfigJson} (validated again on read);
 * the space is stored as its expanded axes; reports through {@link ReportJson}; non-finite doubles as strings.
 */
final class SweepJson {
    private SweepJson() {
    }

    static JsonObject writeSpec(SweepSpec spec) {
        JsonArray axes = new JsonArray();
        spec.space().axes().forEach(a -> axes.add(new JsonObject().put("name", a.name())
                .put("values", new JsonArray(new ArrayList<>(a.values())))));
        JsonObject json = new JsonObject().put("kind", spec.kind().code())
                .put("backtest", ConfigJson.write(spec.base()))
                .put("space", axes)
                .put("objective", spec.objective().metric().code());
        if (spec.search() instanceof Search.Random random) {
            json.put("samples", random.samples()).put("seed", random.seed());
        }
        spec.walkForward().forEach(wf -> json.put("walkForward", new JsonObject().put("inSample", wf.inSample())
                .put("outOfSample", wf.outOfSample()).put("step", wf.step())));
        return json;
    }

    static SweepSpec readSpec(JsonObject json) {
        List<ParameterSpace.Axis> axes = new ArrayList<>();
        JsonArray stored = json.getJsonArray("space");
        for (int i = 0; i < stored.size(); i++) {
            JsonObject axis = stored.getJsonObject(i);
            List<String> values = new ArrayList<>();
            axis.getJsonArray("values").forEach(v -> values.add(String.valueOf(v)));
            axes.add(new ParameterSpace.Axis(axis.getString("name"), values));
        }
        Search search = json.containsKey("samples")
                ? new Search.Random(json.getInteger("samples"), json.getLong("seed"))
                : new Search.Grid();
        Option<WalkForward> walkForward = Option.of(json.getJsonObject("walkForward"))
                .map(wf -> new WalkForward(wf.getLong("inSample"), wf.getLong("outOfSample"), wf.getLong("step")));
        return new SweepSpec(SweepKind.parse(json.getString("kind")).get(), ConfigJson.read(json.getJsonObject("backtest")),
                new ParameterSpace(axes), search,
                new Objective(Objective.Metric.parse(json.getString("objective")).get()), walkForward);
    }

    static JsonObject writeResult(SweepResult result) {
        JsonArray ranked = new JsonArray();
        result.ranked().forEach(p -> ranked.add(point(p)));
        JsonArray windows = new JsonArray();
        for (WindowResult w : result.windows()) {
            windows.add(new JsonObject()
                    .put("inSampleFrom", w.window().inSampleFrom()).put("inSampleTo", w.window().inSampleTo())
                    .put("outOfSampleFrom", w.window().outOfSampleFrom())
                    .put("outOfSampleTo", w.window().outOfSampleTo())
                    .put("best", point(w.best())).put("inSampleObjective", number(w.inSampleObjective()))
                    .put("outOfSample", ReportJson.write(w.outOfSample())));
        }
        JsonObject json = new JsonObject().put("skipped", result.skipped()).put("ranked", ranked)
                .put("windows", windows);
        result.outOfSample().forEach(o -> json.put("outOfSample", new JsonObject().put("windows", o.windows())
                .put("compoundedReturn", number(o.compoundedReturn())).put("trades", o.trades())
                .put("worstDrawdown", number(o.worstDrawdown()))));
        return json;
    }

    static SweepResult readResult(JsonObject json) {
        List<PointResult> ranked = new ArrayList<>();
        JsonArray points = json.getJsonArray("ranked");
        for (int i = 0; i < points.size(); i++) {
            ranked.add(point(points.getJsonObject(i)));
        }
        List<WindowResult> windows = new ArrayList<>();
        JsonArray stored = json.getJsonArray("windows");
        for (int i = 0; i < stored.size(); i++) {
            JsonObject w = stored.getJsonObject(i);
            windows.add(new WindowResult(new WalkForward.Window(w.getLong("inSampleFrom"), w.getLong("inSampleTo"),
                    w.getLong("outOfSampleFrom"), w.getLong("outOfSampleTo")), point(w.getJsonObject("best")),
                    number(w.getValue("inSampleObjective")), ReportJson.read(w.getJsonObject("outOfSample"))));
        }
        Option<OutOfSample> outOfSample = Option.of(json.getJsonObject("outOfSample"))
                .map(o -> new OutOfSample(o.getInteger("windows"), number(o.getValue("compoundedReturn")),
                        o.getInteger("trades"), number(o.getValue("worstDrawdown"))));
        return new SweepResult(ranked, json.getInteger("skipped"), windows, outOfSample);
    }

    private static JsonObject point(PointResult point) {
        JsonObject parameters = new JsonObject();
        point.parameters().forEach(parameters::put);
        return new JsonObject().put("index", point.index()).put("parameters", parameters)
                .put("report", ReportJson.write(point.report()));
    }

    private static PointResult point(JsonObject json) {
        Map<String, String> parameters = new LinkedHashMap<>();
        json.getJsonObject("parameters").forEach(e -> parameters.put(e.getKey(), String.valueOf(e.getValue())));
        return new PointResult(json.getInteger("index"), parameters, ReportJson.read(json.getJsonObject("report")));
    }

    private static Object number(double value) {
        return Double.isFinite(value) ? value : Double.toString(value);
    }

    private static double number(Object stored) {
        return stored instanceof Number n ? n.doubleValue() : Double.parseDouble((String) stored);
    }
}
