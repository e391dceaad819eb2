package io.cryptobot.bot.domain.session;

import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Supplier;

/**
 * Turns an intent's {@link Sizing} into a quantity, at the reference price (the last close the strategy knows),
 * always whole lot steps, rounded down: all-in spends the free quote balance, a fraction of equity that share of
 * equity and a quote amount that amount (both at most the free balance), each through
 * {@link FillModel#buyableWith} so the fee and the worst slippage are reserved; sells of those sizings sell what the
 * amount buys, at most the position. Close-position sells the whole position (and buys nothing); a fixed quantity is
 * that quantity, a sell of it at most what is held. The one place sizing is decided, for backtests, paper and live.
 *
 * <p>What is held may be off the step grid: a live venue that takes a buy's fee in the base asset credits the
 * quantity less the fee (0.100 bought, 0.0001 fee: 0.0999 held). A sell then sells what is held rounded down to the
 * step (0.099), and what stays, less than one step, is <em>dust</em>: no order can sell it (the venue refuses a
 * quantity off its step), so the strategy sees the position as flat ({@link #strategyView}) and may enter again; the
 * ledger, the balances and the risk checks keep the dust.
 */
final class PositionSizer {
    private PositionSizer() {
    }

    static Quantity size(Sizing sizing, Side side, FillModel model, Quantity held, Price reference, Money freeQuote,
                         Supplier<Money> equity) {
        return switch (sizing) {
            case Sizing.AllIn allIn -> side == Side.BUY
                    ? model.buyableWith(freeQuote.toBigDecimal(), reference)
                    : model.rules().floorToStep(held.toBigDecimal());
            case Sizing.ClosePosition close -> side == Side.SELL
                    ? model.rules().floorToStep(held.toBigDecimal())
                    : model.rules().floorToStep(BigDecimal.ZERO);
            case Sizing.FractionOfEquity fraction -> {
                BigDecimal budget = equity.get().toBigDecimal().multiply(fraction.fraction());
                yield side == Side.BUY
                        ? model.buyableWith(budget.min(freeQuote.toBigDecimal()), reference)
                        : model.rules().floorToStep(budget.divide(reference.toBigDecimal(), 18, RoundingMode.FLOOR)
                                .min(held.toBigDecimal()));
            }
            case Sizing.FixedQuantity fixed -> model.rules().floorToStep(side == Side.SELL && held.units() > 0
                    ? fixed.quantity().toBigDecimal().min(held.toBigDecimal()) : fixed.quantity().toBigDecimal());
            case Sizing.QuoteAmount amount -> side == Side.BUY
                    ? model.buyableWith(amount.amount().min(freeQuote.toBigDecimal()), reference)
                    : model.rules().floorToStep(amount.amount().divide(reference.toBigDecimal(), 18,
                            RoundingMode.FLOOR).min(held.toBigDecimal()));
        };
    }

    /** The position as a strategy sees it: a held quantity smaller than one lot step is dust, seen as flat. */
    static Quantity strategyView(Quantity held, InstrumentRules rules) {
        return held.units() > 0 && rules.floorToStep(held.toBigDecimal()).units() == 0
                ? new Quantity(0, held.scale()) : held;
    }

    /**
     * The position as a strategy sees it on a venue with a minimum order notional ({@code minNotional}, none: no
     * minimum): dust is also a position whose sellable part (what is held rounded down to the step) is worth less
     * than the minimum at {@code reference} (the last close): no order can sell it, so the strategy sees it as flat
     * and does not try to close it on every signal; the ledger keeps it, and the next buy adds to it.
     */
    static Quantity strategyView(Quantity held, InstrumentRules rules, Option<BigDecimal> minNotional,
                                 Price reference) {
        Quantity view = strategyView(held, rules);
        if (view.units() <= 0 || minNotional.isEmpty() || reference == null) {
            return view;
        }
        return belowMinimum(rules.floorToStep(held.toBigDecimal()), reference, minNotional.get())
                ? new Quantity(0, held.scale()) : view;
    }

    /** Whether an order of {@code quantity} at {@code price} is worth less than {@code minNotional}. */
    static boolean belowMinimum(Quantity quantity, Price price, BigDecimal minNotional) {
        return quantity.toBigDecimal().multiply(price.toBigDecimal()).compareTo(minNotional) < 0;
    }
}
