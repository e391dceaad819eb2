package io.cryptobot.marketdata.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.marketdata.application.service.LiveFeedFakes.ManualExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private final ManualExecutor pool = new ManualExecutor();
    private final SerialExecutor serial = new SerialExecutor(pool);
    private final List<String> ran = new ArrayList<>();

    @Test
    void an_idle_executor_runs_a_task_given_here_on_the_callers_thread_without_the_pool() {
        Thread caller = Thread.currentThread();
        Thread[] on = new Thread[1];
        serial.executeHere(() -> {
            on[0] = Thread.currentThread();
            ran.add("here");
        });

        assertThat(ran).containsExactly("here");
        assertThat(on[0]).isSameAs(caller);
        assertThat(pool.queued).isEmpty();
    }

    @Test
    void a_task_given_here_while_others_wait_runs_after_them_on_the_pool() {
        serial.execute(() -> ran.add("first"));
        serial.executeHere(() -> ran.add("here"));

        assertThat(ran).isEmpty();
        pool.runAll();
        assertThat(ran).containsExactly("first", "here");
    }

    @Test
    void what_a_task_given_here_submits_runs_after_it_on_the_pool_never_nested() {
        serial.executeHere(() -> {
            serial.execute(() -> ran.add("submitted"));
            serial.executeHere(() -> ran.add("here again"));
            ran.add("here");
        });

        assertThat(ran).containsExactly("here");
        assertThat(pool.queued).hasSize(1);
        pool.runAll();
        assertThat(ran).containsExactly("here", "submitted", "here again");
        // idle again: the next one runs here
        serial.executeHere(() -> ran.add("last"));
        assertThat(ran).endsWith("last");
        assertThat(pool.queued).isEmpty();
    }

    @Test
    void a_task_given_here_that_fails_leaves_the_executor_usable() {
        serial.executeHere(() -> {
            throw new IllegalStateException("boom");
        });
        serial.executeHere(() -> ran.add("next"));

        assertThat(ran).containsExactly("next");
    }
}
