package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestErrors;
import io.cryptobot.backtest.domain.engine.Bars;
import io.cryptobot.backtest.domain.engine.Market;
import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.GetInstrumentQuery;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;

/**
 * Loads a run's markets: each instrument's rules from the catalog and its candles from {@code from} minus the
 * strategy's warm-up up to {@code to}, wrapped as the engine's columnar {@link Bars} without a copy, and the simulated
 * venue's fill model from the run's costs. Sweeps load once and share the result read-only. Candles are read as the
 * run's owner sees them (their private candles over the shared data), so a run never reads another user's uploads.
 */
@ApplicationScoped
public class MarketLoader {
    private final GetInstrumentQuery instruments;
    private final LoadCandlesQuery candles;

    MarketLoader(GetInstrumentQuery instruments, LoadCandlesQuery candles) {
        this.instruments = instruments;
        this.candles = candles;
    }

    /** Refuses unknown instruments and instruments without a candle in the range, naming each. */
    public Either<DomainError, java.util.List<Instrument>> check(UserId owner, BacktestConfig config) {
        List<Violation> problems = List.empty();
        java.util.List<Instrument> found = new ArrayList<>();
        for (InstrumentId id : config.instruments()) {
            Either<DomainError, Instrument> instrument = instruments.get(id);
            if (instrument.isLeft()) {
                problems = problems.append(new Violation("instruments", "unknown instrument " + id));
                continue;
            }
            found.add(instrument.get());
            problems = problems.appendAll(scaleLimits(config, instrument.get()));
            boolean any = candles.load(owner, id, config.timeframe(), new TimeRange(config.from(), config.to()), 1)
                    .map(series -> !series.candles().isEmpty()).getOrElse(false);
            if (!any) {
                problems = problems.append(new Violation("instruments", "no " + config.timeframe().code()
                        + " candles of " + id + " in the range"));
            }
        }
        return problems.isEmpty() ? Either.right(found) : Either.left(BacktestErrors.invalid(problems));
    }

    /**
     * What the instrument's scales refuse: a starting cash its quote scale cannot hold (it would overflow in the
     * first fill), and a fixed sizing quantity off its step grid.
     */
    private static List<Violation> scaleLimits(BacktestConfig config, Instrument instrument) {
        InstrumentRules rules = new InstrumentRules(instrument.id(), instrument.tickSize(), instrument.stepSize());
        List<Violation> problems = List.empty();
        BigDecimal largest = rules.largestStartingCash();
        if (config.startingCash().toBigDecimal().compareTo(largest) > 0) {
            problems = problems.append(new Violation("startingCash", "is more than the scales of " + instrument.id()
                    + " can trade with, with room for equity to grow " + InstrumentRules.GROWTH_ROOM + " times (tick " + instrument.tickSize() + ", step " + instrument.stepSize()
                    + "); the largest accepted is " + largest.toPlainString()));
        }
        return problems.appendAll(EntrySizing.fitsStep(config.sizing(), instrument.id().toString(),
                instrument.stepSize(), rules.largestQuantity()));
    }

    public Either<DomainError, java.util.List<Market>> load(UserId owner, BacktestConfig config, int warmUpCandles) {
        Either<DomainError, java.util.List<Instrument>> checked = check(owner, config);
        if (checked.isLeft()) {
            return Either.left(checked.getLeft());
        }
        long warmUpMillis = (long) warmUpCandles * config.timeframe().nominalLength().toMillis();
        java.util.List<Market> markets = new ArrayList<>();
        for (Instrument instrument : checked.get()) {
            Either<DomainError, CandleSeries> series = candles.load(owner, instrument.id(), config.timeframe(),
                    new TimeRange(config.from() - warmUpMillis, config.to()), LoadCandlesQuery.MAX_LIMIT);
            if (series.isLeft()) {
                return Either.left(series.getLeft());
            }
            if (series.get().next().isDefined()) {
                return Either.left(BacktestErrors.invalid(List.of(new Violation("to", "the range holds more than "
                        + LoadCandlesQuery.MAX_LIMIT + " candles of " + instrument.id() + "; shorten it"))));
            }
            markets.add(new Market(Bars.of(instrument.id(), series.get().candles()).trim(),
                    fillModel(config, instrument)));
        }
        return Either.right(markets);
    }

    static FillModel fillModel(BacktestConfig config, Instrument instrument) {
        return new VenueCosts(config.makerFee(), config.takerFee(), config.slippageBps(), config.maxVolumeShare())
                .fillModel(new InstrumentRules(instrument.id(), instrument.tickSize(), instrument.stepSize()));
    }
}
