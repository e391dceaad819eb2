package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.CatchUpNotificationsUseCase;
import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.application.port.out.CatchUpCursorPort;
import io.cryptobot.app.notification.application.port.out.NotificationSourcePort;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.kernel.domain.Clock;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox derived again from the durable sources. A source's cursor is a position up to which every event is in
 * the outbox; it is only ever set to a head read one checkpoint interval earlier, after the events up to it were
 * queued again (a no-op for those the live path queued): an event at or below it was written by a transaction that
 * began before that read, and the live path queues an event on the committing thread right after its commit. So
 * after a crash the events of the dead process that were committed and never queued are all after the cursor,
 * and {@link #recover()} queues them. A source new to the table starts at its head (history is not sent).
 */
@ApplicationScoped
class CatchUpService implements CatchUpNotificationsUseCase {
    static final int BATCH = 500;
    private final List<NotificationSourcePort> sources;
    private final CatchUpCursorPort cursors;
    private final RecordNotificationUseCase outbox;
    private final Clock clock;
    /** Per source, the head read at the previous checkpoint (or at recovery). */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    CatchUpService(Instance<NotificationSourcePort> sources, CatchUpCursorPort cursors, RecordNotificationUseCase outbox,
                   Clock clock) {
        this.sources = sources.stream().toList();
        this.cursors = cursors;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public synchronized int recover() {
        int queued = 0;
        for (NotificationSourcePort source : sources) {
            long head = source.head();
            Option<Long> cursor = cursors.position(source.name());
            if (cursor.isEmpty()) {
                cursors.save(source.name(), head, clock.now());
            } else {
                queued += queue(source, cursor.get(), head);
            }
            seen.put(source.name(), head);
        }
        return queued;
    }

    @Override
    public synchronized int checkpoint() {
        int queued = 0;
        for (NotificationSourcePort source : sources) {
            Long before = seen.get(source.name());
            Option<Long> cursor = cursors.position(source.name());
            long head = source.head();
            if (before != null && cursor.isDefined() && before > cursor.get()) {
                queued += queue(source, cursor.get(), before);
                cursors.save(source.name(), before, clock.now());
            } else if (cursor.isEmpty()) {
                cursors.save(source.name(), head, clock.now());
            }
            seen.put(source.name(), head);
        }
        return queued;
    }

    private int queue(NotificationSourcePort source, long after, long through) {
        int queued = 0;
        long from = after;
        while (from < through) {
            NotificationSourcePort.Batch batch = source.after(from, through, BATCH);
            for (Notification notification : batch.notifications()) {
                queued += outbox.record(notification);
            }
            if (batch.read() < BATCH) {
                break;
            }
            from = batch.last();
        }
        return queued;
    }
}
