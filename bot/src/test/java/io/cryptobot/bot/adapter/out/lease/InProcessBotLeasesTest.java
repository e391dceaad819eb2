package io.cryptobot.bot.adapter.out.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.application.port.out.BotLeasePort.Lease;
import io.cryptobot.bot.domain.bot.BotId;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class InProcessBotLeasesTest {
    private static final Duration TTL = Duration.ofSeconds(10);
    private Instant now = Instant.parse("2026-12-06T00:00:00Z");
    private final InProcessBotLeases leases = new InProcessBotLeases(() -> now);
    private final BotId bot = new BotId(UUID.randomUUID());

    @Test
    void a_second_runner_gets_no_lease_while_the_first_holds_it() {
        Lease first = leases.acquire(bot, "runner-a", TTL).get();
        assertThat(leases.acquire(bot, "runner-b", TTL)).isEmpty();
        assertThat(leases.acquire(bot, "runner-a", TTL)).isEmpty();
        assertThat(leases.holds(first)).isTrue();
    }

    @Test
    void an_expired_lease_passes_to_another_runner_with_a_larger_token_and_the_first_is_fenced_off() {
        Lease first = leases.acquire(bot, "runner-a", TTL).get();
        now = now.plus(TTL);
        Lease second = leases.acquire(bot, "runner-b", TTL).get();
        assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
        assertThat(leases.holds(first)).isFalse();
        assertThat(leases.renew(first, TTL)).isEmpty();
        leases.release(first);
        assertThat(leases.holds(second)).isTrue();
    }

    @Test
    void a_renewed_lease_outlives_its_first_expiry_and_a_released_one_is_free_at_once() {
        Lease first = leases.acquire(bot, "runner-a", TTL).get();
        now = now.plusSeconds(9);
        Lease renewed = leases.renew(first, TTL).get();
        now = now.plusSeconds(9);
        assertThat(leases.holds(renewed)).isTrue();
        assertThat(leases.acquire(bot, "runner-b", TTL)).isEmpty();
        leases.release(renewed);
        assertThat(leases.acquire(bot, "runner-b", TTL).isDefined()).isTrue();
    }

    @Test
    void of_many_runners_racing_for_one_bot_exactly_one_wins() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Option<Lease>> results = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 32; i++) {
            String holder = "runner-" + i;
            threads.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                results.add(leases.acquire(bot, holder, TTL));
            });
        }
        go.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(results).hasSize(32).filteredOn(Option::isDefined).hasSize(1);
    }
}
