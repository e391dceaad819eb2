package io.cryptobot.bot.adapter.out.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BotWorkerPoolTest {
    private static final int WORKERS = 8;
    private final List<BotWorkerPool> pools = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pools.forEach(BotWorkerPool::stop);
    }

    private BotWorkerPool pool(long maxHoldMillis) {
        BotWorkerPool pool = new BotWorkerPool(maxHoldMillis);
        pools.add(pool);
        return pool;
    }

    /** Occupies every worker until {@link #release}, then queues one step behind them; answers when it ran. */
    private CompletableFuture<Long> busyWithAStepWaiting(BotWorkerPool pool) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(WORKERS);
        for (int i = 0; i < WORKERS; i++) {
            pool.executor().execute(() -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> waitingStep = new CompletableFuture<>();
        pool.executor().execute(() -> waitingStep.complete(System.nanoTime()));
        return waitingStep;
    }

    @Test
    void a_task_handed_over_with_no_step_waiting_starts_at_once() {
        CompletableFuture<Void> ran = new CompletableFuture<>();

        pool(60_000).afterWaitingSteps().execute(() -> ran.complete(null));

        assertThat(ran).succeedsWithin(java.time.Duration.ofSeconds(10));
    }

    @Test
    void a_task_handed_over_while_steps_wait_starts_once_they_have_their_workers() throws Exception {
        BotWorkerPool pool = pool(60_000);
        CompletableFuture<Long> waitingStep = busyWithAStepWaiting(pool);
        CompletableFuture<Void> held = new CompletableFuture<>();

        pool.afterWaitingSteps().execute(() -> held.complete(null));
        Thread.sleep(200);

        assertThat(held).as("held back while a step waits for a worker").isNotDone();
        release.countDown();
        assertThat(waitingStep).succeedsWithin(java.time.Duration.ofSeconds(10));
        assertThat(held).as("released by the worker that left no step waiting, long before the limit")
                .succeedsWithin(java.time.Duration.ofSeconds(10));
    }

    @Test
    void a_task_is_held_back_no_longer_than_the_limit_even_while_steps_still_wait() throws Exception {
        BotWorkerPool pool = pool(50);
        CompletableFuture<Long> waitingStep = busyWithAStepWaiting(pool);
        CompletableFuture<Void> held = new CompletableFuture<>();

        pool.afterWaitingSteps().execute(() -> held.complete(null));

        assertThat(held).succeedsWithin(java.time.Duration.ofSeconds(10));
        assertThat(waitingStep).as("the workers are all still busy").isNotDone();
    }
}
