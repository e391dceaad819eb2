package io.cryptobot.app.notification.adapter.in.event;

import io.cryptobot.app.notification.adapter.config.NotificationConfig;
import io.cryptobot.app.notification.application.port.in.EvaluateEquityAlertsUseCase;
import io.cryptobot.app.notification.domain.EquitySample;
import io.cryptobot.bot.domain.event.BotEquitySampled;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes a bot's stored equity samples off the bot's thread: the publisher pays a map look-up (the owner has no
 * equity rule) or a queue offer, never an evaluation or a write. One evaluator thread (virtual, started with the
 * first hand-off) takes the batches in the order they were stored, so a bot's samples are evaluated in time order.
 * A full queue ({@code alert-queue-capacity}) drops the batch with a warning: its samples are then not measured
 * (the watches go on from the next batch).
 */
@ApplicationScoped
class EquityAlertHandOff {
    private static final Logger LOG = Logger.getLogger(EquityAlertHandOff.class.getName());
    private final EvaluateEquityAlertsUseCase alerts;
    private final BlockingQueue<BotEquitySampled> queue;
    private volatile Thread evaluator;
    private volatile boolean stopping;

    EquityAlertHandOff(EvaluateEquityAlertsUseCase alerts, NotificationConfig config) {
        this.alerts = alerts;
        this.queue = new ArrayBlockingQueue<>(config.alertQueueCapacity());
    }

    void onEquity(@Observes BotEquitySampled sampled) {
        if (stopping || !alerts.watched(sampled.owner())) {
            return;
        }
        if (!queue.offer(sampled)) {
            LOG.warning("alert evaluation is behind: equity samples of bot " + sampled.botId() + " dropped");
            return;
        }
        if (evaluator == null) {
            startEvaluator();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        Thread running = evaluator;
        if (running != null) {
            running.interrupt();
        }
    }

    private synchronized void startEvaluator() {
        if (evaluator == null) {
            evaluator = AppThreads.start(Thread.ofVirtual().name("alert-evaluator"), this::drain);
        }
    }

    private void drain() {
        while (!stopping) {
            BotEquitySampled next;
            try {
                next = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            List<EquitySample> samples = new ArrayList<>(next.samples().size());
            for (BotEquitySampled.Sample s : next.samples()) {
                samples.add(new EquitySample(s.time(), s.equity()));
            }
            try {
                alerts.evaluate(next.owner(), next.botId(), next.botName(), samples, next.grossExposure());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "alert rules of " + next.owner() + " could not be evaluated on bot "
                        + next.botId(), e);
            }
        }
    }
}
