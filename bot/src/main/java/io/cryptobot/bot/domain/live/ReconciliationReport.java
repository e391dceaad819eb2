package io.cryptobot.bot.domain.live;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One reconciliation of a live account with its venue: when, why ({@code trigger}: start, stream reconnected,
 * periodic), how many open orders the venue listed and executions it returned, and every {@link Drift} found
 * (none: the account agrees).
 */
public record ReconciliationReport(Instant at, String trigger, int venueOpenOrders, int executionsRead,
                                   List<Drift> drifts) {
    public ReconciliationReport {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(trigger, "trigger");
        drifts = List.copyOf(drifts);
    }
}
