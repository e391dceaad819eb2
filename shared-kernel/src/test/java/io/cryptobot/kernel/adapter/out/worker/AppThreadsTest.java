package io.cryptobot.kernel.adapter.out.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every thread made through AppThreads has the application's class loader as its context class loader, even when
 * the thread that makes it has another (as a JDK HttpClient's or a common-pool thread has the system loader, which
 * in the packaged application sees none of the application's classes). Here the maker's loader is a bare one that
 * sees nothing: a thread that inherited it is caught.
 */
class AppThreadsTest {
    private static final ClassLoader APPLICATION = AppThreadsTest.class.getClassLoader();

    @Test
    void a_factory_thread_made_on_a_foreign_thread_has_the_application_loader() throws Exception {
        ThreadFactory factory = AppThreads.factory(Thread.ofVirtual().name("test-", 0));
        Thread made = onAForeignThread(() -> factory.newThread(() -> { }));
        assertThat(made.getContextClassLoader()).isSameAs(APPLICATION);
        assertThat(made.getName()).isEqualTo("test-0");
    }

    @Test
    void a_plain_builder_thread_made_there_would_inherit_the_foreign_loader() throws Exception {
        // what AppThreads is for: without it, the maker's loader is inherited
        Thread made = onAForeignThread(() -> Thread.ofVirtual().unstarted(() -> { }));
        assertThat(made.getContextClassLoader()).isNotSameAs(APPLICATION);
    }

    @Test
    void pools_started_from_a_foreign_thread_run_tasks_with_the_application_loader() throws Exception {
        ExecutorService perTask = AppThreads.virtualPerTask("per-task-");
        ScheduledExecutorService timer = AppThreads.timer("timer");
        try {
            assertThat(onAForeignThread(() -> perTask.submit(AppThreadsTest::loader).get(5, TimeUnit.SECONDS)))
                    .isSameAs(APPLICATION);
            assertThat(onAForeignThread(() -> timer.schedule(AppThreadsTest::loader, 1, TimeUnit.MILLISECONDS)
                    .get(5, TimeUnit.SECONDS))).isSameAs(APPLICATION);
        } finally {
            perTask.shutdownNow();
            timer.shutdownNow();
        }
    }

    @Test
    void a_started_thread_and_an_http_clients_executor_have_the_application_loader() throws Exception {
        CompletableFuture<ClassLoader> seen = new CompletableFuture<>();
        Thread started = onAForeignThread(() -> AppThreads.start(Thread.ofPlatform().daemon().name("started"),
                () -> seen.complete(loader())));
        started.join(5_000);
        assertThat(seen.get(5, TimeUnit.SECONDS)).isSameAs(APPLICATION);
        try (HttpClient client = AppThreads.httpClient("http-").build()) {
            CompletableFuture<ClassLoader> callback = new CompletableFuture<>();
            onAForeignThread(() -> {
                client.executor().orElseThrow().execute(() -> callback.complete(loader()));
                return null;
            });
            assertThat(callback.get(5, TimeUnit.SECONDS)).isSameAs(APPLICATION);
        }
    }

    @Test
    void a_callback_on_a_foreign_thread_runs_with_the_application_loader_and_leaves_the_threads_own_in_place()
            throws Exception {
        ClassLoader[] seen = new ClassLoader[3];
        onAForeignThread(() -> {
            seen[0] = loader();
            AppThreads.runWithApplicationLoader(() -> seen[1] = loader());
            seen[2] = loader();
            return null;
        });
        assertThat(seen[1]).isSameAs(APPLICATION);
        assertThat(seen[0]).isNotSameAs(APPLICATION);
        assertThat(seen[2]).as("the thread's own loader back").isSameAs(seen[0]);
    }

    @Test
    void a_callback_that_throws_still_leaves_the_threads_own_loader_in_place() throws Exception {
        ClassLoader[] seen = new ClassLoader[2];
        onAForeignThread(() -> {
            seen[0] = loader();
            try {
                AppThreads.runWithApplicationLoader(() -> {
                    throw new IllegalStateException("the listener failed");
                });
            } catch (IllegalStateException expected) {
                seen[1] = loader();
            }
            return null;
        });
        assertThat(seen[1]).isNotNull().isSameAs(seen[0]);
    }

    private static ClassLoader loader() {
        return Thread.currentThread().getContextClassLoader();
    }

    /** Runs {@code work} on a thread whose context class loader sees no class of the application. */
    private static <T> T onAForeignThread(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread foreign = Thread.ofPlatform().unstarted(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
        });
        foreign.setContextClassLoader(new URLClassLoader(new URL[0], null));
        foreign.start();
        return result.get(10, TimeUnit.SECONDS);
    }
}
