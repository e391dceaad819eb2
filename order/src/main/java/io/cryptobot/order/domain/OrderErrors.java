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

    /** The client order id already names another order (idempotency): nothing is placed. */
    public static DomainError clientOrderIdReused(String clientOrderId, java.util.UUID order,
                                                  Seq<String> differingFields) {
        return new DomainError.Conflict("order.client_order_id_reused", "client order id " + clientOrderId
                + " already names order " + order + ", which differs in " + differingFields.mkString(", ")
                + "; use a new client order id for a different order");
    }

    public static DomainError notFound(String id) {
        return new DomainError.NotFound("order.not_found", "no order " + id);
    }
}
