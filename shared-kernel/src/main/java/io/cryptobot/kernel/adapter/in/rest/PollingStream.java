package io.cryptobot.kernel.adapter.in.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A server-sent-event stream of a job's state: {@code load} (blocking, run on a worker thread) every
 * {@code every} until an item is {@code finished}; that last item is sent, then the stream completes. A tick that
 * comes while the previous load still runs or the client has not taken the previous item is dropped (the next
 * tick loads the newer state): without that, Mutiny failed the stream with a BackPressureFailure and the client's
 * stream was cut off mid-way.
 */
public final class PollingStream {
    private PollingStream() {
    }

    public static <T> Multi<T> until(Duration every, Supplier<T> load, Predicate<T> finished) {
        AtomicBoolean done = new AtomicBoolean();
        return Multi.createFrom().ticks().every(every)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> Uni.createFrom().item(load)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .select().first(item -> !done.getAndSet(finished.test(item)));
    }
}
