package io.cryptobot.bot.application.service;

import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.portfolio.domain.LedgerFill;
import io.cryptobot.portfolio.domain.LedgerRefusal;
import io.cryptobot.portfolio.domain.event.PositionChanged;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/** A bot's FIFO ledger rebuilt from its stored fills alone: what its portfolio shows and its recovery is checked by. */
final class BotLedger {
    private BotLedger() {
    }

    /** The ledger after {@code fills} (booking order) from {@code startingCash}; {@code booked} sees each one. */
    static Ledger of(Money startingCash, List<FillView> fills, BiConsumer<FillView, PositionChanged> booked) {
        Ledger ledger = Ledger.open(startingCash);
        book(ledger, fills, booked);
        return ledger;
    }

    /** Books {@code fills} (booking order) on {@code ledger}; a fill it refuses leaves it part-booked and throws. */
    static void book(Ledger ledger, List<FillView> fills, BiConsumer<FillView, PositionChanged> booked) {
        for (FillView fill : fills) {
            Either<LedgerRefusal, PositionChanged> result = ledger.apply(new LedgerFill(fill.instrument(), fill.side(),
                    fill.quantity(), fill.price(), fill.fee(), fill.tradeId(), fill.executedAt()),
                    new EventMeta(UUID.nameUUIDFromBytes((fill.orderId() + fill.tradeId()).getBytes(
                            StandardCharsets.UTF_8)), fill.executedAt()));
            if (result.isLeft()) {
                throw new IllegalStateException("stored fills do not book: " + result.getLeft());
            }
            booked.accept(fill, result.get());
        }
    }
}
