package io.cryptobot.backtest.domain;

import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.bot.domain.strategy.Parameters;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.GenericCsvParser;
import io.cryptobot.risk.domain.RiskLimits;
import io.cryptobot.risk.domain.LimitsInput;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that determines a run's result: the strategy and its parameters, the instruments (sharing one
 * quote currency, the account currency), the timeframe and the range [from, to) of candle open times, the
 * starting cash, the simulated venue's costs (maker/taker fee charged in the quote, fixed slippage, the share of
 * a candle's volume a limit order may take), the risk limits and the entry sizing chosen for the strategy (none:
 * the strategy's own). The same config over the same candles gives the same result, bit for bit.
 */
public record BacktestConfig(String strategy, Map<String, String> parameters, java.util.List<InstrumentId> instruments,
                             Timeframe timeframe, long from, long to, Money startingCash, Rate makerFee, Rate takerFee,
                             long slippageBps, Rate maxVolumeShare, RiskLimits limits, Option<Sizing> sizing) {
    public static final int MAX_INSTRUMENTS = 10;
    static final Rate DEFAULT_FEE = VenueCosts.DEFAULT_FEE;
    static final Rate DEFAULT_VOLUME_SHARE = VenueCosts.DEFAULT_VOLUME_SHARE;

    public BacktestConfig {
        Objects.requireNonNull(strategy, "strategy");
        parameters = Map.copyOf(parameters);
        instruments = java.util.List.copyOf(instruments);
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(startingCash, "startingCash");
        Objects.requireNonNull(makerFee, "makerFee");
        Objects.requireNonNull(takerFee, "takerFee");
        Objects.requireNonNull(maxVolumeShare, "maxVolumeShare");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sizing, "sizing");
    }

    /** The catalog entry, whose parameters {@link #checked} has already validated. */
    public StrategyDefinition definition() {
        return StrategyCatalog.find(strategy).getOrElseThrow(() -> new IllegalStateException("unknown " + strategy));
    }

    public Parameters validatedParameters() {
        return definition().validate(parameters).toEither()
                .getOrElseThrow(v -> new IllegalStateException(v.mkString("; ")));
    }

    /** A fresh strategy of this config: its validated parameters, its entries sized as chosen. */
    public Strategy newStrategy() {
        return definition().newStrategy(validatedParameters(), sizing);
    }

    /** The sizing the strategy's entries buy with (the chosen one or the strategy's own), none for manual. */
    public Option<Sizing> entrySizing() {
        return definition().entrySizing(validatedParameters(), sizing);
    }

    /** The same config with other strategy parameters (a sweep's point), unchecked: the caller validated them. */
    public BacktestConfig withParameters(Map<String, String> other) {
        return new BacktestConfig(strategy, other, instruments, timeframe, from, to, startingCash, makerFee, takerFee,
                slippageBps, maxVolumeShare, limits, sizing);
    }

    /** The same config over another range (walk-forward windows). */
    public BacktestConfig withRange(long newFrom, long newTo) {
        return new BacktestConfig(strategy, parameters, instruments, timeframe, newFrom, newTo, startingCash, makerFee,
                takerFee, slippageBps, maxVolumeShare, limits, sizing);
    }

    /** The raw request, every field a string (or absent) as a client sent it. */
    public record Raw(String strategy, Map<String, String> parameters, java.util.List<String> instruments,
                      String timeframe, String from, String to, String startingCash, String makerFee, String takerFee,
                      String slippageBps, String maxVolumeShare, String maxOrderNotional, String maxPositionSharePercent,
                      String maxOpenOrders, String maxDailyLoss, EntrySizing.Raw sizing) {

        /** A request without a sizing: the strategy sizes its entries its own way. */
        public Raw(String strategy, Map<String, String> parameters, java.util.List<String> instruments,
                   String timeframe, String from, String to, String startingCash, String makerFee, String takerFee,
                   String slippageBps, String maxVolumeShare, String maxOrderNotional, String maxPositionSharePercent,
                   String maxOpenOrders, String maxDailyLoss) {
            this(strategy, parameters, instruments, timeframe, from, to, startingCash, makerFee, takerFee,
                    slippageBps, maxVolumeShare, maxOrderNotional, maxPositionSharePercent, maxOpenOrders,
                    maxDailyLoss, null);
        }
    }

    /** Validates a request, reporting every invalid field at once. */
    public static Validation<Seq<Violation>, BacktestConfig> checked(Raw raw) {
        List<Violation> found = List.empty();
        Option<StrategyDefinition> definition = Option.of(raw.strategy()).flatMap(StrategyCatalog::find);
        Map<String, String> parameters = raw.parameters() == null ? Map.of() : new LinkedHashMap<>(raw.parameters());
        if (raw.strategy() == null || raw.strategy().isBlank()) {
            found = found.append(new Violation("strategy", "is missing"));
        } else if (definition.isEmpty()) {
            found = found.append(new Violation("strategy", "unknown strategy '" + raw.strategy() + "'; known: "
                    + StrategyCatalog.builtIns().map(StrategyDefinition::id).mkString(", ")));
        } else {
            Validation<Seq<Violation>, Parameters> valid = definition.get().validate(parameters);
            if (valid.isInvalid()) {
                found = found.appendAll(valid.getError().map(v -> new Violation("parameters." + v.field(), v.reason())));
            }
        }
        Validation<Seq<Violation>, Option<Sizing>> sizing = EntrySizing.parse(raw.sizing());
        if (sizing.isInvalid()) {
            found = found.appendAll(sizing.getError());
        } else if (definition.isDefined()) {
            found = found.appendAll(definition.get().checkSizing(sizing.get(), parameters));
        }
        java.util.List<InstrumentId> instruments = new java.util.ArrayList<>();
        if (raw.instruments() == null || raw.instruments().isEmpty()) {
            found = found.append(new Violation("instruments", "at least one instrument is required"));
        } else if (raw.instruments().size() > MAX_INSTRUMENTS) {
            found = found.append(new Violation("instruments", "at most " + MAX_INSTRUMENTS + " instruments"));
        } else {
            for (String text : raw.instruments()) {
                Either<String, InstrumentId> parsed = InstrumentId.parse(text == null ? "" : text);
                if (parsed.isLeft()) {
                    found = found.append(new Violation("instruments", parsed.getLeft()));
                } else if (instruments.contains(parsed.get())) {
                    found = found.append(new Violation("instruments", parsed.get() + " is listed twice"));
                } else {
                    instruments.add(parsed.get());
                }
            }
            if (instruments.stream().map(InstrumentId::quote).distinct().count() > 1) {
                found = found.append(new Violation("instruments", "all instruments must share one quote currency"));
            }
        }
        Option<Timeframe> timeframe = Option.of(raw.timeframe()).flatMap(Timeframe::parse);
        if (timeframe.isEmpty()) {
            found = found.append(new Violation("timeframe", "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d "
                    + "1w 1M, got '" + raw.timeframe() + "'"));
        }
        Either<String, Long> from = time(raw.from());
        Either<String, Long> to = time(raw.to());
        found = found.appendAll(from.swap().map(r -> new Violation("from", r)));
        found = found.appendAll(to.swap().map(r -> new Violation("to", r)));
        if (from.isRight() && to.isRight() && from.get() >= to.get()) {
            found = found.append(new Violation("to", "must be after from"));
        }
        Asset currency = instruments.isEmpty() ? null : instruments.get(0).quote();
        Either<String, BigDecimal> cash = decimal(raw.startingCash(), "10000")
                .filterOrElse(v -> v.signum() > 0, v -> "must be positive");
        found = found.appendAll(cash.swap().map(r -> new Violation("startingCash", r)));
        Validation<Seq<Violation>, VenueCosts> costs = VenueCosts.parse(raw.makerFee(), raw.takerFee(),
                raw.slippageBps(), raw.maxVolumeShare());
        if (costs.isInvalid()) {
            found = found.appendAll(costs.getError());
        }
        Validation<Seq<Violation>, RiskLimits> limits = new LimitsInput(raw.maxOrderNotional(),
                raw.maxPositionSharePercent(), raw.maxOpenOrders(), raw.maxDailyLoss(), null)
                .parse(currency == null ? Asset.parse("USDT").get() : currency);
        if (limits.isInvalid()) {
            found = found.appendAll(limits.getError());
        }
        if (!found.isEmpty()) {
            return Validation.invalid(found);
        }
        return Validation.valid(new BacktestConfig(definition.get().id(), parameters, instruments, timeframe.get(),
                from.get(), to.get(), Money.of(cash.get(), currency), costs.get().makerFee(), costs.get().takerFee(),
                costs.get().slippageBps(), costs.get().maxVolumeShare(), limits.get(), sizing.get()));
    }

    /** Epoch milliseconds, or an ISO-8601 instant such as {@code 2024-01-01T00:00:00Z} (marketdata's parser). */
    static Either<String, Long> time(String text) {
        return text == null || text.isBlank() ? Either.left("is missing") : GenericCsvParser.timestamp(text.trim());
    }

    private static Either<String, BigDecimal> decimal(String text, String fallback) {
        String value = text == null || text.isBlank() ? fallback : text.trim();
        try {
            BigDecimal parsed = FixedPoint.decimal(value);
            return parsed.stripTrailingZeros().scale() > FixedPoint.MAX_SCALE
                    ? Either.left("at most " + FixedPoint.MAX_SCALE + " decimals")
                    : parsed.abs().compareTo(new BigDecimal("1e15")) >= 0
                    ? Either.left("is too large")
                    : Either.right(parsed);
        } catch (NumberFormatException e) {
            return Either.left("must be a decimal number, got '" + text + "'");
        }
    }

}
