package io.cryptobot.order.domain;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.collection.Seq;

/** The errors the order context returns, with their stable codes. */
public final class OrderErrors {
    private OrderErrors() {
    }

    public static DomainError invalid(Seq<Violation> violations) {
        return new DomainError.Invalid("order.invalid_input", "the request has " + violations.size()
                + " invalid field(s)", violations.toJavaList());
    }

    public static DomainError notFound(String id) {
        return new DomainError.NotFound("order.not_found", "no order " + id);
    }
}
