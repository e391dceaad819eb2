package io.cryptobot.backtest.adapter.out.event;

import io.cryptobot.backtest.application.port.out.PublishBacktestFinishedPort;
import io.cryptobot.backtest.domain.event.BacktestFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Synchronous CDI events on the worker that ran the job; an observer's failure is logged, never passed back. */
@ApplicationScoped
class CdiBacktestFinishedPublisher implements PublishBacktestFinishedPort {
    private static final Logger LOG = Logger.getLogger(CdiBacktestFinishedPublisher.class.getName());
    private final Event<BacktestFinished> events;

    CdiBacktestFinishedPublisher(Event<BacktestFinished> events) {
        this.events = events;
    }

    @Override
    public void publish(BacktestFinished finished) {
        try {
            events.fire(finished);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of finished runs failed for " + finished.runId(), e);
        }
    }
}
