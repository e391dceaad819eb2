package io.cryptobot.backtest.domain.engine;

import io.cryptobot.bot.domain.session.ExecutedFill;
import io.cryptobot.bot.domain.session.IgnoredSignal;
import io.cryptobot.bot.domain.session.PlacedOrder;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.portfolio.domain.Position;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import java.util.List;
import java.util.Map;

/**
 * What a run produced, exact: the ledger's closing state (trades, positions, fees, equity marked to the last
 * closes), every order in its final state with every event it went through, every fill, the signals that placed
 * nothing, and trading-state changes. {@code cancelled} runs stop early with what was done.
 */
public record BacktestOutcome(boolean cancelled, long candlesProcessed, long candlesTotal, Money finalEquity,
                              List<ClosedTrade> trades, List<Position> positions, Map<Asset, Money> feesPaid,
                              List<PlacedOrder> orders, List<OrderEvent> orderEvents, List<ExecutedFill> fills,
                              List<IgnoredSignal> ignoredSignals, List<TradingStateChanged> tradingStateChanges,
                              Map<InstrumentId, Price> lastCloses) {

    BacktestOutcome(boolean cancelled, long processed, long total, Ledger ledger, List<PlacedOrder> orders,
                    List<OrderEvent> orderEvents, List<ExecutedFill> fills, List<IgnoredSignal> ignored,
                    List<TradingStateChanged> stateChanges, Map<InstrumentId, Price> lastCloses) {
        this(cancelled, processed, total, ledger.equity(lastCloses).getOrElseThrow(
                        refusal -> new IllegalStateException("cannot mark the account: " + refusal)),
                ledger.closedTrades().toJavaList(), ledger.positions().toJavaList(), ledger.feesPaid().toJavaMap(),
                orders, orderEvents, fills, ignored, stateChanges, Map.copyOf(lastCloses));
    }
}
