package io.cryptobot.app.backtest;

import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.kernel.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Test-only: holds the next run of a chosen owner right after its first stored-rows report has been saved, until
 * the test releases it, so the run can be seen storing without sleeping and hoping; or every run of a chosen owner
 * ({@link #holdEveryStoreOf}), so the test decides when each of them lets its worker go. Owners nobody holds pass
 * straight through; a hold never released lets go after two minutes so a failed test cannot wedge a worker.
 */
@ApplicationScoped
public class StoringGate {
    private final Map<UserId, Hold> holds = new ConcurrentHashMap<>();
    private final Map<UserId, Holding> holdings = new ConcurrentHashMap<>();

    /** Holds every run of {@code owner} once it is storing, until the test releases it. */
    public Holding holdEveryStoreOf(UserId owner) {
        Holding holding = new Holding();
        holdings.put(owner, holding);
        return holding;
    }

    public Hold holdNextStoreOf(UserId owner) {
        Hold hold = new Hold();
        holds.put(owner, hold);
        return hold;
    }

    void stored(BacktestId run, long rows, Function<BacktestId, UserId> ownerOf) {
        if (holds.isEmpty() && holdings.isEmpty()) {
            return;
        }
        UserId owner = ownerOf.apply(run);
        Holding holding = owner == null ? null : holdings.get(owner);
        if (holding != null) {
            holding.hold(run);
            return;
        }
        Hold hold = owner == null ? null : holds.remove(owner);
        if (hold == null) {
            return;
        }
        hold.run = run;
        hold.rows = rows;
        hold.reached.countDown();
        try {
            hold.release.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Hold {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile BacktestId run;
        private volatile long rows;

        /** Waits until the held run has saved its first stored-rows report; false if none came in time. */
        public boolean awaitStoring(long seconds) throws InterruptedException {
            return reached.await(seconds, TimeUnit.SECONDS);
        }

        public BacktestId run() {
            return run;
        }

        public long rows() {
            return rows;
        }

        /** Lets the store go on; returns the moment of release (to the microsecond, as PostgreSQL keeps time). */
        public Instant release() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            release.countDown();
            return now;
        }
    }

    /** Every run of one owner, each held at its first stored-rows report until released. */
    public static final class Holding {
        private final java.util.Set<BacktestId> seen = ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.BlockingQueue<BacktestId> held =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private final Map<BacktestId, CountDownLatch> releases = new ConcurrentHashMap<>();
        private volatile boolean open;

        void hold(BacktestId run) {
            if (open || !seen.add(run)) {
                return;
            }
            CountDownLatch release = releases.computeIfAbsent(run, r -> new CountDownLatch(1));
            held.add(run);
            if (open) {
                return;
            }
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next run to be held (in the order they reached storing); null if none came in time. */
        public BacktestId nextHeld(long seconds) throws InterruptedException {
            return held.poll(seconds, TimeUnit.SECONDS);
        }

        public void release(BacktestId run) {
            releases.computeIfAbsent(run, r -> new CountDownLatch(1)).countDown();
        }

        /** Lets every held run go, and every later one pass. */
        public void releaseAll() {
            open = true;
            releases.values().forEach(CountDownLatch::countDown);
        }
    }
}
