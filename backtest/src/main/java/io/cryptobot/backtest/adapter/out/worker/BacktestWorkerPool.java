package io.cryptobot.backtest.adapter.out.worker;

import io.cryptobot.backtest.application.port.out.BacktestWorkersPort;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.cryptobot.kernel.adapter.out.worker.FairWorkers;
import io.cryptobot.kernel.domain.UserId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadFactory;

/**
 * One worker per core, shared by every user's backtests and sweeps: a run is CPU-bound and single-threaded, so
 * more workers than cores would only share the cores. Further runs wait (and show as queued) in the kernel's
 * {@link FairWorkers}: the next free worker goes to the user with the fewest runs going, so one user's queue of
 * sweeps cannot make another user's backtest wait behind all of it.
 */
@ApplicationScoped
class BacktestWorkerPool implements BacktestWorkersPort {
    private final FairWorkers workers = new FairWorkers("backtest", cores());

    /** Not in the constructor: the container also instantiates the class for its client proxy. */
    @PostConstruct
    void start() {
        workers.start();
    }

    @Override
    public void run(UserId owner, Runnable task) {
        workers.run(owner, task);
    }

    @Override
    public int parallelism() {
        return cores();
    }

    @Override
    public ThreadFactory sweepThreads() {
        return AppThreads.factory(Thread.ofPlatform().daemon().name("sweep-worker-", 1));
    }

    private static int cores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @PreDestroy
    void stop() {
        workers.stop();
    }
}
