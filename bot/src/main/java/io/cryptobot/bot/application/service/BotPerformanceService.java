package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotPerformance;
import io.cryptobot.bot.application.port.in.BotPerformanceQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.cryptobot.portfolio.domain.metrics.EquityCurve;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import io.cryptobot.portfolio.domain.metrics.TradeAnalytics;
import io.cryptobot.portfolio.domain.metrics.TradeResult;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

/** The backtest's metric definitions over the bot's stored equity samples and its closed trades. */
@ApplicationScoped
class BotPerformanceService implements BotPerformanceQuery {
    private final Bots bots;
    private final BotPortfolios portfolios;
    private final BotStorePort store;

    BotPerformanceService(Bots bots, BotPortfolios portfolios, BotStorePort store) {
        this.bots = bots;
        this.portfolios = portfolios;
        this.store = store;
    }

    @Override
    public Either<DomainError, BotPerformance> performance(UserId caller, BotId id, int points) {
        return bots.owned(caller, id).map(portfolios::portfolioOf).map(p -> {
            EquitySeries equity = store.equity(p.bot().id());
            double initial = p.bot().startingCash().toBigDecimal().doubleValue();
            java.util.List<TradeResult> results = new java.util.ArrayList<>(p.trades().size());
            for (ClosedTrade trade : p.trades()) {
                results.add(new TradeResult(trade.entryTime().toEpochMilli(), trade.exitTime().toEpochMilli(),
                        trade.netPnl().toBigDecimal().doubleValue(), trade.fees().toBigDecimal().doubleValue()));
            }
            Option<PerformanceMetrics> metrics = equity.isEmpty() ? Option.none()
                    : Option.some(PerformanceMetrics.of(initial, p.bot().timeframe().nominalLength().toMillis(),
                            equity, results));
            return new BotPerformance(p, metrics, EquityCurve.of(equity, initial, points),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.DAY, p.trades()),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.WEEK, p.trades()),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.MONTH, p.trades()),
                    TradeAnalytics.netPnlByInstrument(p.trades()), TradeAnalytics.distribution(p.trades(), 10),
                    BotPortfolios.exposure(p));
        });
    }
}
