package io.cryptobot.app.notification.application.port.in;

/**
 * Queues what a crash left unqueued: the events a source committed whose outbox rows were never written (the
 * process died between the two commits, or queuing failed). Idempotent: an event already queued for an endpoint is
 * not queued again (its key).
 */
public interface CatchUpNotificationsUseCase {
    /** At start-up, before anything else is sent: every source's events after its cursor. Answers how many rows it queued. */
    int recover();

    /**
     * Periodically: queues the events up to the positions seen at the previous checkpoint (the live path has had
     * an interval to queue them) and moves the cursors there. Answers how many rows it queued.
     */
    int checkpoint();
}
