package io.cryptobot.portfolio.domain;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.portfolio.domain.event.PositionChanged;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The spot ledger of one account: balances per asset, long-only positions per instrument as FIFO lots,
 * realized P&L per closed lot portion, fees per asset, and equity marked to market in one account currency.
 * Every amount is exact fixed point; sums of different scales are taken at the larger scale.
 *
 * <p><b>Mutable, on purpose.</b> A backtest marks the ledger to market once per candle, millions of times a
 * second, while fills are rare. So the ledger is a mutable aggregate owned by exactly one engine, run or
 * account (never shared between threads), and it keeps running totals per instrument (quantity, and cost =
 * Σ lot quantity × entry price) so that {@link #equity(InstrumentId, Price)} costs one multiply-add per open
 * position, with no walk over the lots. Its state cannot leak: every accessor returns immutable values
 * (records, vavr collections), and lots inside are replaced, never edited.
 *
 * <p><b>Rules that must hold.</b> A sell closes the oldest lots first and may not exceed the position (spot
 * cannot go short); a refused fill changes nothing. A buy's base-asset fee shrinks the lot (the account
 * receives less) while the lot keeps the fill price as its entry price; realized P&L is therefore gross of
 * fees, and {@link Position#netRealizedPnl()} subtracts all fees valued in the quote (a base fee at its
 * fill's price). So after a full round trip, equity = start + gross realized − fees, exactly. Fees are paid
 * from the balance of their own asset: the quote, the base on a buy, or a third asset (a live venue's fee in its
 * own token, Binance's BNB), which is booked in that asset ({@link #feesPaid}, its balance) and not valued in the
 * quote, since the ledger has no price for it (the position's net P&L leaves it out). Balances are not checked for
 * cover here (the venue or the fill model already refused what the account could not pay).
 */
public final class Ledger {
    private final Asset accountCurrency;
    private final Map<Asset, Money> balances = new LinkedHashMap<>();
    private final Map<Asset, Money> feesPaid = new LinkedHashMap<>();
    private final Map<InstrumentId, Book> books = new LinkedHashMap<>();
    private final ArrayList<ClosedTrade> closedTrades = new ArrayList<>();
    private int tradeCount;
    private int openPositions;

    private Ledger(Asset accountCurrency) {
        this.accountCurrency = accountCurrency;
    }

    /** A new ledger holding {@code startingCash}, whose asset becomes the account currency for equity. */
    public static Ledger open(Money startingCash) {
        Objects.requireNonNull(startingCash, "startingCash");
        Ledger ledger = new Ledger(startingCash.asset());
        ledger.balances.put(startingCash.asset(), startingCash);
        return ledger;
    }

    public Asset accountCurrency() {
        return accountCurrency;
    }

    /**
     * Books one fill: balances, lots, realized P&L, fees and the closed-trade list. Returns the position
     * change, or a refusal (and then nothing was changed).
     */
    public Either<LedgerRefusal, PositionChanged> apply(LedgerFill fill, EventMeta meta) {
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(meta, "meta");
        InstrumentId instrument = fill.instrument();
        Asset feeAsset = fill.fee().asset();
        boolean baseFee = feeAsset.equals(instrument.base());
        if (baseFee && fill.side() == Side.SELL) {
            return Either.left(new LedgerRefusal.UnsupportedFee(instrument, fill.fee()));
        }
        return fill.side() == Side.BUY ? buy(fill, baseFee, meta) : sell(fill, meta);
    }

    private Either<LedgerRefusal, PositionChanged> buy(LedgerFill fill, boolean baseFee, EventMeta meta) {
        InstrumentId instrument = fill.instrument();
        Quantity received = baseFee ? Exact.minus(fill.quantity(), asQuantity(fill.fee())) : fill.quantity();
        if (received.units() <= 0) {
            return Either.left(new LedgerRefusal.FeeNotBelowQuantity(instrument, fill.fee(), fill.quantity()));
        }
        Book book = books.computeIfAbsent(instrument, Book::new);
        boolean wasFlat = book.quantity.units() == 0;
        Money cost = Exact.times(received, fill.price(), instrument.quote());
        book.lots.addLast(new Lot(received, fill.price(), fill.time()));
        book.lotFees.addLast(feeInQuote(fill, baseFee));
        book.quantity = Exact.plus(book.quantity, received);
        book.cost = book.cost.plus(cost);
        credit(new Money(fill.quantity().units(), fill.quantity().scale(), instrument.base()));
        debit(Exact.times(fill.quantity(), fill.price(), instrument.quote()));
        payFee(book, fill, baseFee);
        if (wasFlat) {
            openPositions++;
        }
        tradeCount++;
        return Either.right(new PositionChanged(
                meta, instrument, fill.tradeId(), book.quantity, Money.zero(instrument.quote(), 0)));
    }

    private Either<LedgerRefusal, PositionChanged> sell(LedgerFill fill, EventMeta meta) {
        InstrumentId instrument = fill.instrument();
        Book book = books.get(instrument);
        Quantity held = book == null ? new Quantity(0, fill.quantity().scale()) : book.quantity;
        if (held.compareTo(fill.quantity()) < 0) {
            return Either.left(new LedgerRefusal.InsufficientPosition(instrument, held, fill.quantity()));
        }
        Money realized = Money.zero(instrument.quote(), 0);
        Quantity remaining = fill.quantity();
        Money exitFeeLeft = feeInQuote(fill, false);
        while (remaining.units() > 0) {
            Lot oldest = book.lots.pollFirst();
            Money entryFeeLeft = book.lotFees.pollFirst();
            Quantity closed = Exact.min(oldest.quantity(), remaining);
            Money entryValue = Exact.times(closed, oldest.entryPrice(), instrument.quote());
            Money pnl = Exact.times(closed, fill.price(), instrument.quote()).minus(entryValue);
            Money entryFee = Exact.share(entryFeeLeft, closed, oldest.quantity());
            Money exitFee = Exact.share(exitFeeLeft, closed, remaining);
            exitFeeLeft = exitFeeLeft.minus(exitFee);
            closedTrades.add(new ClosedTrade(instrument, oldest.openedAt(), fill.time(), closed,
                    oldest.entryPrice(), fill.price(), pnl, entryFee.plus(exitFee)));
            Quantity left = Exact.minus(oldest.quantity(), closed);
            if (left.units() > 0) {
                book.lots.addFirst(new Lot(left, oldest.entryPrice(), oldest.openedAt()));
                book.lotFees.addFirst(entryFeeLeft.minus(entryFee));
            }
            book.cost = book.cost.minus(entryValue);
            realized = realized.plus(pnl);
            remaining = Exact.minus(remaining, closed);
        }
        book.quantity = Exact.minus(book.quantity, fill.quantity());
        book.realized = book.realized.plus(realized);
        debit(new Money(fill.quantity().units(), fill.quantity().scale(), instrument.base()));
        credit(Exact.times(fill.quantity(), fill.price(), instrument.quote()));
        payFee(book, fill, false);
        if (book.quantity.units() == 0) {
            openPositions--;
        }
        tradeCount++;
        return Either.right(new PositionChanged(meta, instrument, fill.tradeId(), book.quantity, realized));
    }

    private void payFee(Book book, LedgerFill fill, boolean baseFee) {
        Money fee = fill.fee();
        debit(fee);
        feesPaid.merge(fee.asset(), fee, Money::plus);
        book.fees = book.fees.plus(feeInQuote(fill, baseFee));
    }

    /** The fee valued in the quote: a base fee at the fill's price, a third asset's at nothing (no price known). */
    private static Money feeInQuote(LedgerFill fill, boolean baseFee) {
        if (baseFee) {
            return Exact.times(fill.fee(), fill.price(), fill.instrument().quote());
        }
        return fill.fee().asset().equals(fill.instrument().quote()) ? fill.fee()
                : Money.zero(fill.instrument().quote(), 0);
    }

    private void credit(Money amount) {
        balances.merge(amount.asset(), amount, Money::plus);
    }

    private void debit(Money amount) {
        balances.merge(amount.asset(), Money.zero(amount.asset(), 0).minus(amount), Money::plus);
    }

    private static Quantity asQuantity(Money baseAmount) {
        return new Quantity(baseAmount.units(), baseAmount.scale());
    }

    public Money balance(Asset asset) {
        return balances.getOrDefault(asset, Money.zero(asset, 0));
    }

    /** The positions of every instrument ever traded, flat ones included (they still carry realized P&L). */
    public List<Position> positions() {
        return List.ofAll(books.values()).map(Book::snapshot);
    }

    public Position position(InstrumentId instrument) {
        Book book = books.get(instrument);
        return book == null ? new Book(instrument).snapshot() : book.snapshot();
    }

    /** Fees paid so far, per asset they were paid in. */
    public io.vavr.collection.Map<Asset, Money> feesPaid() {
        return io.vavr.collection.LinkedHashMap.ofAll(feesPaid);
    }

    /** Fills booked so far (refused fills are not counted). */
    public int tradeCount() {
        return tradeCount;
    }

    /** Every closed lot portion in closing order: the trade list of a backtest. */
    public List<ClosedTrade> closedTrades() {
        return List.ofAll(closedTrades);
    }

    /** {@code Σ lots quantity × (mark − entry)}, computed from the running totals as quantity × mark − cost. */
    public Money unrealizedPnl(InstrumentId instrument, Price mark) {
        Book book = books.get(instrument);
        if (book == null) {
            return Money.zero(instrument.quote(), 0);
        }
        return Exact.times(book.quantity, mark, instrument.quote()).minus(book.cost);
    }

    /**
     * Equity in the account currency when {@code instrument} is the only open position (the backtest's
     * case): cash + quantity × mark, one multiply-add. Refused if the instrument is quoted in another
     * currency, or if another position is open and would go unmarked.
     */
    public Either<LedgerRefusal, Money> equity(InstrumentId instrument, Price mark) {
        if (!instrument.quote().equals(accountCurrency)) {
            return Either.left(new LedgerRefusal.NotAccountCurrency(instrument, accountCurrency));
        }
        Book book = books.get(instrument);
        boolean open = book != null && book.quantity.units() != 0;
        if (openPositions > (open ? 1 : 0)) {
            return Either.left(new LedgerRefusal.MarkMissing(firstOpenOtherThan(instrument)));
        }
        Money cash = balance(accountCurrency);
        return Either.right(open ? Exact.plusProduct(cash, book.quantity, mark) : cash);
    }

    /** Equity in the account currency: cash + Σ open position quantity × its mark. Every open position needs a mark. */
    public Either<LedgerRefusal, Money> equity(Map<InstrumentId, Price> marks) {
        for (InstrumentId marked : marks.keySet()) {
            if (!marked.quote().equals(accountCurrency)) {
                return Either.left(new LedgerRefusal.NotAccountCurrency(marked, accountCurrency));
            }
        }
        Money total = balance(accountCurrency);
        for (Book book : books.values()) {
            if (book.quantity.units() == 0) {
                continue;
            }
            if (!book.instrument.quote().equals(accountCurrency)) {
                return Either.left(new LedgerRefusal.NotAccountCurrency(book.instrument, accountCurrency));
            }
            Price mark = marks.get(book.instrument);
            if (mark == null) {
                return Either.left(new LedgerRefusal.MarkMissing(book.instrument));
            }
            total = Exact.plusProduct(total, book.quantity, mark);
        }
        return Either.right(total);
    }

    private InstrumentId firstOpenOtherThan(InstrumentId instrument) {
        return books.values().stream()
                .filter(b -> b.quantity.units() != 0 && !b.instrument.equals(instrument))
                .map(b -> b.instrument)
                .findFirst()
                .orElseThrow();
    }

    /** One instrument's lots and running totals; only the ledger touches it. */
    private static final class Book {
        final InstrumentId instrument;
        final ArrayDeque<Lot> lots = new ArrayDeque<>();
        /** Per lot, in the same order: the part of its buy fee (in quote) not yet given to a closed trade. */
        final ArrayDeque<Money> lotFees = new ArrayDeque<>();
        Quantity quantity = new Quantity(0, 0);
        Money cost;
        Money realized;
        Money fees;

        Book(InstrumentId instrument) {
            this.instrument = instrument;
            this.cost = Money.zero(instrument.quote(), 0);
            this.realized = Money.zero(instrument.quote(), 0);
            this.fees = Money.zero(instrument.quote(), 0);
        }

        Position snapshot() {
            return new Position(instrument, quantity, cost, List.ofAll(lots), realized, fees);
        }
    }
}
