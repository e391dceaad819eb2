package io.cryptobot.kernel.adapter.out.worker;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Every thread the application makes for itself, made through here: each one's context class loader is the loader
 * of the application's classes (Quarkus's; the runner's in the packaged application).
 *
 * <p>Why: CDI work (an event fired, a bean or a configuration mapping created on first use) and configuration look
 * classes up through the thread's context class loader. A thread inherits that loader from the thread that creates
 * it, and pools create their threads lazily, on whichever thread first hands them a task: a JDK HttpClient's
 * selector or worker thread, a ForkJoinPool common-pool thread (all of them with the JDK's system loader, which
 * in the packaged application sees none of the application's classes), or a thread made by one of those. An event
 * fired there failed with {@code ClassNotFoundException: jakarta.enterprise.inject.spi.InjectionPoint}, so alert
 * rules never saw a live bot's equity. Under {@code @QuarkusTest} the system loader sees everything, so only the
 * packaged application showed it. {@code ArchitectureTest} keeps thread creation here.
 */
public final class AppThreads {
    /** The loader that loaded the application's classes, this one included. */
    private static final ClassLoader APPLICATION = AppThreads.class.getClassLoader();

    private AppThreads() {
    }

    /** The builder's threads (named, numbered, daemon as it says), each with the application's class loader. */
    public static ThreadFactory factory(Thread.Builder builder) {
        ThreadFactory made = builder.factory();
        return task -> {
            Thread thread = made.newThread(task);
            thread.setContextClassLoader(APPLICATION);
            return thread;
        };
    }

    /** Starts {@code task} on a new thread of the builder's, with the application's class loader. */
    public static Thread start(Thread.Builder builder, Runnable task) {
        Thread thread = factory(builder).newThread(task);
        thread.start();
        return thread;
    }

    /** A new virtual thread for each task, named {@code prefix0}, {@code prefix1}, ... */
    public static ExecutorService virtualPerTask(String prefix) {
        return Executors.newThreadPerTaskExecutor(factory(Thread.ofVirtual().name(prefix, 0)));
    }

    /** One daemon platform thread named {@code name} running timed tasks. */
    public static ScheduledExecutorService timer(String name) {
        return Executors.newSingleThreadScheduledExecutor(factory(Thread.ofPlatform().daemon().name(name)));
    }

    /**
     * Runs {@code task} on the calling thread with the application's class loader as its context class loader, and
     * puts the thread's own loader back afterwards: for callbacks the application does not start on its own threads,
     * such as a JDK WebSocket's listener, which the JDK calls on the common ForkJoinPool when the opening handshake
     * completes (and goes on there with the messages already read), whatever the client's executor.
     */
    public static void runWithApplicationLoader(Runnable task) {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        if (own == APPLICATION) {
            task.run();
            return;
        }
        thread.setContextClassLoader(APPLICATION);
        try {
            task.run();
        } finally {
            thread.setContextClassLoader(own);
        }
    }

    /**
     * An HttpClient builder whose asynchronous work and callbacks (responses of {@code sendAsync}, a WebSocket's
     * listener) run on daemon threads named {@code prefix0}, {@code prefix1}, ... with the application's class
     * loader: a cached pool as the JDK's default executor is, whose threads have the system loader.
     */
    public static HttpClient.Builder httpClient(String prefix) {
        return HttpClient.newBuilder().executor(Executors.newCachedThreadPool(
                factory(Thread.ofPlatform().daemon().name(prefix, 0))));
    }

    /**
     * An HttpClient builder for synchronous calls whose client tasks run inline, on the thread that arises them (the
     * caller's, or the client's selector thread, which is made by the thread that builds the client and so carries
     * its loader): no pool at all, so no thread with the system loader either. Only for {@code send}, never for
     * {@code sendAsync} handlers or WebSockets, whose callbacks would then run on the selector thread.
     */
    public static HttpClient.Builder inlineHttpClient() {
        return HttpClient.newBuilder().executor(Runnable::run);
    }
}
