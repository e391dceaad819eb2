package io.cryptobot.backtest.adapter.out.persistence;

import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report as JSON: exact amounts as decimal strings; metrics field by field (their record components), with the
 * non-finite values JSON cannot hold (NaN: undefined; Infinity: profit factor without a losing trade) as strings.
 */
final class ReportJson {
    private static final RecordComponent[] METRICS = PerformanceMetrics.class.getRecordComponents();

    private ReportJson() {
    }

    static JsonObject write(BacktestReport report) {
        JsonObject metrics = new JsonObject();
        for (RecordComponent component : METRICS) {
            Object value = get(component, report.metrics());
            metrics.put(component.getName(), value instanceof Double d && !Double.isFinite(d) ? d.toString() : value);
        }
        return new JsonObject()
                .put("currency", report.currency())
                .put("startingCash", report.startingCash().toPlainString())
                .put("finalEquity", report.finalEquity().toPlainString())
                .put("netPnl", report.netPnl().toPlainString())
                .put("feesPaid", decimals(report.feesPaid()))
                .put("openPositions", decimals(report.openPositions()))
                .put("candles", report.candles())
                .put("orders", report.orders())
                .put("fills", report.fills())
                .put("trades", report.trades())
                .put("ignoredSignals", new JsonObject(Map.copyOf(report.ignoredSignals())))
                .put("metrics", metrics);
    }

    static BacktestReport read(JsonObject json) {
        JsonObject stored = json.getJsonObject("metrics");
        Object[] args = new Object[METRICS.length];
        for (int i = 0; i < METRICS.length; i++) {
            RecordComponent component = METRICS[i];
            Object value = stored.getValue(component.getName());
            Class<?> type = component.getType();
            args[i] = type == double.class ? (value instanceof String s ? Double.parseDouble(s) : ((Number) value).doubleValue())
                    : type == long.class ? ((Number) value).longValue()
                    : type == int.class ? ((Number) value).intValue()
                    : value;
        }
        Map<String, Integer> ignored = new TreeMap<>();
        json.getJsonObject("ignoredSignals").forEach(e -> ignored.put(e.getKey(), ((Number) e.getValue()).intValue()));
        return new BacktestReport(json.getString("currency"), new BigDecimal(json.getString("startingCash")),
                new BigDecimal(json.getString("finalEquity")), new BigDecimal(json.getString("netPnl")),
                readDecimals(json.getJsonObject("feesPaid")), readDecimals(json.getJsonObject("openPositions")),
                json.getLong("candles"), json.getInteger("orders"), json.getInteger("fills"), json.getInteger("trades"),
                ignored, construct(args));
    }

    private static JsonObject decimals(Map<String, BigDecimal> values) {
        JsonObject json = new JsonObject();
        values.forEach((k, v) -> json.put(k, v.toPlainString()));
        return json;
    }

    private static Map<String, BigDecimal> readDecimals(JsonObject json) {
        Map<String, BigDecimal> values = new TreeMap<>();
        json.forEach(e -> values.put(e.getKey(), new BigDecimal((String) e.getValue())));
        return values;
    }

    private static Object get(RecordComponent component, PerformanceMetrics metrics) {
        try {
            return component.getAccessor().invoke(metrics);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PerformanceMetrics construct(Object[] args) {
        try {
            Constructor<PerformanceMetrics> canonical = PerformanceMetrics.class.getDeclaredConstructor(
                    Arrays.stream(METRICS).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
