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
 * the test releases it, so the run can be seen storing without sleeping and hoping. Owners nobody holds pass
 * straight through; a hold never released lets go after two minutes so a failed test cannot wedge a worker.
 */
@ApplicationScoped
public class StoringGate {
    private final Map<UserId, Hold> holds = new ConcurrentHashMap<>();

    public Hold holdNextStoreOf(UserId owner) {
        Hold hold = new Hold();
        holds.put(owner, hold);
        return hold;
    }

    void stored(BacktestId run, long rows, Function<BacktestId, UserId> ownerOf) {
        if (holds.isEmpty()) {
            return;
        }
        UserId owner = ownerOf.apply(run);
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
}
