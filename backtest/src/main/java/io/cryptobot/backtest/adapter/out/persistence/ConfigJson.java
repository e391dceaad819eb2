package io.cryptobot.backtest.adapter.out.persistence;

import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.kernel.domain.Money;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config as the request fields it was validated from; reading it back validates it again through
 * {@link BacktestConfig#checked}, so a stored config can never bypass the rules.
 */
final class ConfigJson {
    private ConfigJson() {
    }

    static JsonObject write(BacktestConfig config) {
        JsonObject parameters = new JsonObject();
        config.parameters().forEach(parameters::put);
        JsonArray instruments = new JsonArray();
        config.instruments().forEach(i -> instruments.add(i.toString()));
        JsonObject json = new JsonObject()
                .put("strategy", config.strategy())
                .put("parameters", parameters)
                .put("instruments", instruments)
                .put("timeframe", config.timeframe().code())
                .put("from", String.valueOf(config.from()))
                .put("to", String.valueOf(config.to()))
                .put("startingCash", plain(config.startingCash()))
                .put("makerFee", rate(config.makerFee()))
                .put("takerFee", rate(config.takerFee()))
                .put("slippageBps", String.valueOf(config.slippageBps()))
                .put("maxVolumeShare", rate(config.maxVolumeShare()));
        config.limits().maxOrderNotional().forEach(v -> json.put("maxOrderNotional", plain(v)));
        config.limits().maxPositionShare().forEach(
                v -> json.put("maxPositionSharePercent", BigDecimal.valueOf(v.basisPoints(), 2).toPlainString()));
        config.limits().maxOpenOrders().forEach(v -> json.put("maxOpenOrders", String.valueOf(v)));
        config.limits().maxDailyLoss().forEach(v -> json.put("maxDailyLoss", plain(v)));
        config.sizing().map(EntrySizing::raw).forEach(raw -> {
            JsonObject sizing = new JsonObject().put("kind", raw.kind());
            if (raw.quantity() != null) {
                sizing.put("quantity", raw.quantity());
            }
            if (raw.amount() != null) {
                sizing.put("amount", raw.amount());
            }
            if (raw.percent() != null) {
                sizing.put("percent", raw.percent());
            }
            json.put("sizing", sizing);
        });
        return json;
    }

    static BacktestConfig read(JsonObject json) {
        Map<String, String> parameters = new LinkedHashMap<>();
        json.getJsonObject("parameters").forEach(e -> parameters.put(e.getKey(), String.valueOf(e.getValue())));
        List<String> instruments = new ArrayList<>();
        json.getJsonArray("instruments").forEach(i -> instruments.add((String) i));
        BacktestConfig.Raw raw = new BacktestConfig.Raw(json.getString("strategy"), parameters, instruments,
                json.getString("timeframe"), json.getString("from"), json.getString("to"),
                json.getString("startingCash"), json.getString("makerFee"), json.getString("takerFee"),
                json.getString("slippageBps"), json.getString("maxVolumeShare"), json.getString("maxOrderNotional"),
                json.getString("maxPositionSharePercent"), json.getString("maxOpenOrders"),
                json.getString("maxDailyLoss"), sizing(json.getJsonObject("sizing")));
        return BacktestConfig.checked(raw).toEither().getOrElseThrow(
                violations -> new IllegalStateException("stored config no longer valid: " + violations.mkString("; ")));
    }

    /** Absent in configs stored before sizing existed: those runs bought as their strategy does by default. */
    private static EntrySizing.Raw sizing(JsonObject json) {
        return json == null ? null : new EntrySizing.Raw(json.getString("kind"), json.getString("quantity"),
                json.getString("amount"), json.getString("percent"));
    }

    static String plain(Money money) {
        return money.toBigDecimal().toPlainString();
    }

    static String rate(Rate rate) {
        return rate.toBigDecimal().stripTrailingZeros().toPlainString();
    }
}
