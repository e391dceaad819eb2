package io.cryptobot.kernel.adapter.out.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks hold their worker until the test releases them, so the order in which tasks start is exact. */
class FairWorkersTest {
    private final FairWorkers pool = new FairWorkers("test", 2);
    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final UserId a = new UserId(UUID.randomUUID());
    private final UserId b = new UserId(UUID.randomUUID());
    private final UserId c = new UserId(UUID.randomUUID());

    @AfterEach
    void stop() {
        gates.values().forEach(CountDownLatch::countDown);
        pool.stop();
    }

    @Test
    void another_users_task_takes_the_next_free_worker_before_the_rest_of_a_long_queue() throws Exception {
        pool.start();
        submit(a, "a1", "a2", "a3", "a4");
        assertThat(next(2)).containsExactlyInAnyOrder("a1", "a2");
        submit(b, "b1");

        release("a1");

        assertThat(next(1)).containsExactly("b1");
        release("b1");
        assertThat(next(1)).containsExactly("a3");
    }

    @Test
    void users_waiting_with_nothing_running_are_served_in_turn() throws Exception {
        pool.start();
        submit(a, "a1", "a2", "a3");
        assertThat(next(2)).containsExactlyInAnyOrder("a1", "a2");
        submit(b, "b1", "b2");
        submit(c, "c1");

        release("a1");
        assertThat(next(1)).containsExactly("b1");
        release("a2");
        assertThat(next(1)).containsExactly("c1");
        release("b1");
        release("c1");

        assertThat(next(2)).containsExactlyInAnyOrder("a3", "b2");
    }

    @Test
    void a_task_that_throws_an_error_does_not_take_its_worker_down() throws Exception {
        pool.start();
        pool.run(a, () -> {
            throw new OutOfMemoryError("simulated");
        });
        pool.run(a, () -> started.add("after"));
        pool.run(a, () -> started.add("after2"));
        pool.run(a, () -> started.add("after3"));

        assertThat(next(3)).containsExactlyInAnyOrder("after", "after2", "after3");
    }

    @Test
    void an_interrupt_that_is_not_a_stop_ends_the_task_it_hit_but_not_the_worker() throws Exception {
        FairWorkers single = new FairWorkers("single", 1);
        single.start();
        try {
            single.run(a, () -> {
                started.add("interrupted");
                Thread.currentThread().interrupt();
            });
            single.run(a, () -> started.add("next"));
            assertThat(started.poll(5, TimeUnit.SECONDS)).isEqualTo("interrupted");
            assertThat(started.poll(5, TimeUnit.SECONDS)).isEqualTo("next");

            Thread worker = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("single-1")).findFirst().orElseThrow();
            worker.interrupt();
            single.run(a, () -> started.add("after an interrupt while idle"));
            assertThat(started.poll(5, TimeUnit.SECONDS)).isEqualTo("after an interrupt while idle");

            single.stop();
            worker.join(5_000);
            assertThat(worker.isAlive()).as("stopped").isFalse();
        } finally {
            single.stop();
        }
    }

    private void submit(UserId owner, String... names) {
        for (String name : names) {
            CountDownLatch gate = new CountDownLatch(1);
            gates.put(name, gate);
            pool.run(owner, () -> {
                started.add(name);
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private void release(String name) {
        gates.get(name).countDown();
    }

    private List<String> next(int count) throws InterruptedException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = started.poll(5, TimeUnit.SECONDS);
            assertThat(name).as("task %d of %d started", i + 1, count).isNotNull();
            names.add(name);
        }
        assertThat(started.poll(100, TimeUnit.MILLISECONDS)).as("no further task started").isNull();
        return names;
    }
}
