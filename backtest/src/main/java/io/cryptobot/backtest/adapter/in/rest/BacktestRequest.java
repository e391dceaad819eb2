package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.bot.domain.strategy.EntrySizing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backtest as a client asks for it. Decimals and parameter values are strings, as in every response (JSON numbers
 * are accepted too, but only a string keeps every digit); times are ISO-8601 instants (epoch milliseconds are
 * accepted too). Only strategy, instruments, timeframe, from and to are
 * required. {@code sizing} ({@code {"kind":"quote_amount","amount":"100"}}) sizes the strategy's entries; left out,
 * the strategy sizes them its own way.
 */
public record BacktestRequest(String strategy, Map<String, String> parameters, List<String> instruments,
                              String timeframe, String from, String to, String startingCash, String makerFee,
                              String takerFee, String slippageBps, String maxVolumeShare, Risk risk,
                              SizingRequest sizing) {

    public record Risk(String maxOrderNotional, String maxPositionSharePercent, String maxOpenOrders,
                       String maxDailyLoss) {
    }

    /** An entry sizing: its kind and the one number that kind needs. */
    public record SizingRequest(String kind, String quantity, String amount, String percent) {
        EntrySizing.Raw raw() {
            return new EntrySizing.Raw(kind, quantity, amount, percent);
        }

        static SizingRequest of(EntrySizing.Raw raw) {
            return new SizingRequest(raw.kind(), raw.quantity(), raw.amount(), raw.percent());
        }

        /** The kind and the one number it uses, nothing null (the response's shape). */
        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("kind", kind);
            if (quantity != null) {
                fields.put("quantity", quantity);
            }
            if (amount != null) {
                fields.put("amount", amount);
            }
            if (percent != null) {
                fields.put("percent", percent);
            }
            return fields;
        }
    }

    BacktestConfig.Raw raw() {
        Map<String, String> params = new LinkedHashMap<>();
        if (parameters != null) {
            params.putAll(parameters);
        }
        Risk limits = risk == null ? new Risk(null, null, null, null) : risk;
        return new BacktestConfig.Raw(strategy, params, instruments, timeframe, from, to, startingCash, makerFee,
                takerFee, slippageBps, maxVolumeShare, limits.maxOrderNotional(), limits.maxPositionSharePercent(),
                limits.maxOpenOrders(), limits.maxDailyLoss(), sizing == null ? null : sizing.raw());
    }
}
