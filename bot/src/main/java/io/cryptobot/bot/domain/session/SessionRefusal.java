package io.cryptobot.bot.domain.session;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.order.domain.OrderId;
import io.vavr.collection.Seq;
import java.util.Set;

/**
 * Why a session would not take an order or a cancel from outside its strategy: a value, and nothing changed. A risk
 * refusal is no such value: the order then exists, denied.
 */
public sealed interface SessionRefusal {
    String reason();

    record UnknownInstrument(InstrumentId instrument, Set<InstrumentId> traded) implements SessionRefusal {
        @Override
        public String reason() {
            return "this session trades " + traded + ", not " + instrument;
        }
    }

    /** Nothing has been played yet, so there is no price to check the order against. */
    record NoPriceYet(InstrumentId instrument) implements SessionRefusal {
        @Override
        public String reason() {
            return "the market " + instrument + " has no price yet: wait for the feed's first candle";
        }
    }

    /** The order's fields do not fit together (the order spec's rules). */
    record InvalidOrder(Seq<Violation> violations) implements SessionRefusal {
        @Override
        public String reason() {
            return violations.map(v -> v.field() + ": " + v.reason()).mkString("; ");
        }
    }

    record NotOpen(OrderId order) implements SessionRefusal {
        @Override
        public String reason() {
            return "order " + order + " is not open";
        }
    }
}
