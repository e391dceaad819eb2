package io.cryptobot.bot.domain.session;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.portfolio.domain.LedgerFill;
import io.cryptobot.portfolio.domain.LedgerRefusal;
import io.cryptobot.portfolio.domain.event.PositionChanged;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The session's account (NautilusTrader's portfolio): the FIFO {@link Ledger}, the exact record, and beside it each
 * market's position and the free cash as the ledger last left them, so that marking the account every step reads
 * arrays instead of the ledger. The {@code double} equity is for the equity curve only; sizing, risk and the
 * daily loss use the exact equity.
 */
final class SessionAccount {
    private final Ledger ledger;
    private final SessionMarkets markets;
    private final Quantity[] position;
    private final Asset currency;
    private double cash;
    private int openPositions;

    SessionAccount(Money startingCash, SessionMarkets markets) {
        this.ledger = Ledger.open(startingCash);
        this.markets = markets;
        this.position = new Quantity[markets.count()];
        for (int i = 0; i < position.length; i++) {
            position[i] = new Quantity(0, markets.market(i).quantityScale());
        }
        this.currency = startingCash.asset();
        this.cash = startingCash.units() / (double) FixedPoint.pow10(startingCash.scale());
    }

    /** Books a fill the venue made; the ledger refusing it is a bug (the venue only fills what the account holds). */
    void book(int market, Side side, Quantity quantity, Price price, Money commission, String tradeId, Instant time,
              EventMeta meta) {
        Either<LedgerRefusal, PositionChanged> booked = ledger.apply(new LedgerFill(markets.instrument(market), side,
                quantity, price, commission, tradeId, time), meta);
        if (booked.isLeft()) {
            throw new IllegalStateException("the ledger refused a fill the venue made: " + booked.getLeft());
        }
        boolean wasOpen = position[market].units() != 0;
        position[market] = booked.get().newQuantity();
        openPositions += (position[market].units() != 0 ? 1 : 0) - (wasOpen ? 1 : 0);
        cash = ledger.balance(currency).toBigDecimal().doubleValue();
    }

    Quantity position(int market) {
        return position[market];
    }

    boolean exposed() {
        return openPositions > 0;
    }

    /**
     * What the open positions are worth at the last closes, long and short alike (the sum of |quantity| × close), in
     * {@code double}: analytics only, like {@link #markedEquity()}.
     */
    double grossExposure() {
        double gross = 0;
        for (int i = 0; i < position.length; i++) {
            if (position[i].units() != 0) {
                Price close = markets.lastClose(i);
                gross += Math.abs(position[i].units() / (double) FixedPoint.pow10(position[i].scale())
                        * (close.units() / (double) FixedPoint.pow10(close.scale())));
            }
        }
        return gross;
    }

    /** Equity marked to the last closes, in {@code double}: the equity curve's point, for analytics only. */
    double markedEquity() {
        double equity = cash;
        for (int i = 0; i < position.length; i++) {
            if (position[i].units() != 0) {
                Price close = markets.lastClose(i);
                equity += position[i].units() / (double) FixedPoint.pow10(position[i].scale())
                        * (close.units() / (double) FixedPoint.pow10(close.scale()));
            }
        }
        return equity;
    }

    /** Equity marked to the last closes, exact, in the account currency. */
    Money equity() {
        Either<LedgerRefusal, Money> equity = ledger.equity(markets.lastCloses());
        if (equity.isLeft()) {
            throw new IllegalStateException("cannot mark the account: " + equity.getLeft());
        }
        return equity.get();
    }

    /** The free balance in the account currency. */
    Money freeCash() {
        return ledger.balance(currency);
    }

    Money balance(Asset asset) {
        return ledger.balance(asset);
    }

    Map<InstrumentId, Quantity> positions() {
        Map<InstrumentId, Quantity> positions = new HashMap<>();
        for (int i = 0; i < position.length; i++) {
            positions.put(markets.instrument(i), position[i]);
        }
        return positions;
    }

    Ledger ledger() {
        return ledger;
    }
}
