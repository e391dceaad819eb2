package io.cryptobot.app.notification.adapter.out.source;

import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.backtest.domain.event.BacktestFinished;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notification of a backtest or sweep that ended, one definition for the live path (the published event) and
 * the catch-up (the stored ends): keyed by the run's id, so the same run gives the same key either way.
 */
public final class RunNotifications {
    private RunNotifications() {
    }

    public static Notification of(BacktestFinished finished) {
        boolean sweep = finished.run() == BacktestFinished.Run.SWEEP;
        Map<String, String> data = new LinkedHashMap<>();
        data.put(sweep ? "sweepId" : "backtestId", finished.runId().toString());
        data.put("outcome", finished.completed() ? "completed" : "failed");
        data.put("summary", finished.summary());
        String what = sweep ? "Sweep" : "Backtest";
        return new Notification(finished.owner(), sweep ? EventKind.SWEEP_FINISHED : EventKind.BACKTEST_FINISHED,
                (sweep ? "sweep:" : "backtest:") + finished.runId(), finished.at(),
                what + (finished.completed() ? " completed" : " failed"), finished.summary(), data);
    }
}
