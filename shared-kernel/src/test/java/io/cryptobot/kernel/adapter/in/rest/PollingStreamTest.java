package io.cryptobot.kernel.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingStreamTest {

    /**
     * A load slower than the polling period (a busy database, a loaded machine) used to fail the stream with
     * Mutiny's BackPressureFailure ("Could not emit tick ... due to lack of requests"): the client saw its stream cut
     * off mid-way (curl: transfer closed with outstanding read data). Ticks without demand are now dropped.
     */
    @Test
    void a_load_slower_than_the_period_still_ends_with_the_finished_item() {
        AtomicInteger loads = new AtomicInteger();
        AssertSubscriber<Integer> subscriber = PollingStream.until(Duration.ofMillis(5), () -> {
            sleep(40);
            return loads.incrementAndGet();
        }, n -> n >= 3).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

        subscriber.awaitCompletion(Duration.ofSeconds(10));
        assertThat(subscriber.getItems()).isEqualTo(List.of(1, 2, 3));
    }

    /** A client that asks for one event at a time (a slow reader) gets every state up to the finished one. */
    @Test
    void a_slow_reader_gets_the_states_up_to_the_finished_one() {
        AtomicInteger loads = new AtomicInteger();
        AssertSubscriber<Integer> subscriber = PollingStream.until(Duration.ofMillis(5), loads::incrementAndGet,
                n -> n >= 3).subscribe().withSubscriber(AssertSubscriber.create(1));
        for (int i = 1; i <= 3; i++) {
            subscriber.awaitItems(i, Duration.ofSeconds(10));
            sleep(30);
            subscriber.request(1);
        }
        subscriber.awaitCompletion(Duration.ofSeconds(10));
        assertThat(subscriber.getItems()).isEqualTo(List.of(1, 2, 3));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
