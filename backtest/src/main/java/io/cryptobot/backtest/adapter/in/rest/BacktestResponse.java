package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run: its config (with the sizing its strategy's entries buy with, chosen or the strategy's own), status,
 * progress (candles processed of total, warm-up included; a fraction from 0 to 1 as a decimal string), estimated time left while running, and while storing
 * the result rows written of those to write (a completed run keeps both, equal).
 */
public record BacktestResponse(String id, String status, int attempt, String strategy, Map<String, String> parameters,
                               List<String> instruments, String timeframe, Instant from, Instant to,
                               String startingCash, String currency, Map<String, String> costs,
                               Map<String, String> risk, Map<String, String> sizing,
                               long candlesProcessed, long candlesTotal, String progress,
                               Long etaSeconds, long rowsStored, long rowsTotal, Instant createdAt, Instant startedAt,
                               Instant finishedAt,
                               String failure) {

    static BacktestResponse of(BacktestRun run, Instant now) {
        BacktestConfig c = run.config();
        Map<String, String> costs = new LinkedHashMap<>();
        costs.put("makerFee", plain(c.makerFee().units(), c.makerFee().scale()));
        costs.put("takerFee", plain(c.takerFee().units(), c.takerFee().scale()));
        costs.put("slippageBps", String.valueOf(c.slippageBps()));
        costs.put("maxVolumeShare", plain(c.maxVolumeShare().units(), c.maxVolumeShare().scale()));
        Map<String, String> risk = new LinkedHashMap<>();
        c.limits().maxOrderNotional().forEach(v -> risk.put("maxOrderNotional", v.toBigDecimal().toPlainString()));
        c.limits().maxPositionShare().forEach(v -> risk.put("maxPositionSharePercent",
                BigDecimal.valueOf(v.basisPoints(), 2).stripTrailingZeros().toPlainString()));
        c.limits().maxOpenOrders().forEach(v -> risk.put("maxOpenOrders", String.valueOf(v)));
        c.limits().maxDailyLoss().forEach(v -> risk.put("maxDailyLoss", v.toBigDecimal().toPlainString()));
        return new BacktestResponse(run.id().toString(), run.status().code(), run.attempt(), c.strategy(),
                c.parameters(), c.instruments().stream().map(Object::toString).toList(), c.timeframe().code(),
                Instant.ofEpochMilli(c.from()), Instant.ofEpochMilli(c.to()),
                c.startingCash().toBigDecimal().toPlainString(), c.startingCash().asset().toString(), costs, risk,
                c.entrySizing().map(s -> BacktestRequest.SizingRequest.of(EntrySizing.raw(s)).fields()).getOrNull(),
                run.candlesProcessed(), run.candlesTotal(), Decimals.approx(run.progress()),
                run.eta(now).map(Duration::toSeconds).getOrNull(), run.rowsStored(), run.rowsTotal(), run.createdAt(), run.startedAt().getOrNull(),
                run.finishedAt().getOrNull(), run.failure().getOrNull());
    }

    private static String plain(long units, int scale) {
        return BigDecimal.valueOf(units, scale).stripTrailingZeros().toPlainString();
    }
}
