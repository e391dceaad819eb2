package io.cryptobot.app.notification.adapter.out.source;

import io.cryptobot.app.notification.application.port.out.NotificationSourcePort;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.order.application.port.in.OrderJournalFeedQuery;
import io.cryptobot.order.application.port.in.OrderJournalFeedQuery.JournaledFill;
import io.cryptobot.order.application.port.in.OrderJournalFeedQuery.JournaledRefusal;
import io.cryptobot.order.application.port.in.OrderEventView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The order journal as two notification sources: its fills, and its denied and rejected orders. */
final class OrderJournalSources {
    private OrderJournalSources() {
    }

    @ApplicationScoped
    static class Fills implements NotificationSourcePort {
        private final OrderJournalFeedQuery journal;

        Fills(OrderJournalFeedQuery journal) {
            this.journal = journal;
        }

        @Override
        public String name() {
            return "orders.fills";
        }

        @Override
        public long head() {
            return journal.lastFillPosition();
        }

        @Override
        public Batch after(long after, long through, int limit) {
            List<JournaledFill> fills = journal.fillsAfter(after, through, limit);
            List<Notification> notifications = new ArrayList<>(fills.size());
            fills.forEach(f -> notifications.add(OrderNotifications.filled(f.owner(), f.fill())));
            return new Batch(notifications, fills.size(), fills.isEmpty() ? after : fills.getLast().position());
        }
    }

    @ApplicationScoped
    static class Refusals implements NotificationSourcePort {
        private final OrderJournalFeedQuery journal;

        Refusals(OrderJournalFeedQuery journal) {
            this.journal = journal;
        }

        @Override
        public String name() {
            return "orders.refusals";
        }

        @Override
        public long head() {
            return journal.lastRefusalPosition();
        }

        @Override
        public Batch after(long after, long through, int limit) {
            List<JournaledRefusal> refusals = journal.refusalsAfter(after, through, limit);
            List<Notification> notifications = new ArrayList<>(refusals.size());
            for (JournaledRefusal r : refusals) {
                OrderEventView e = r.event();
                EventKind kind = "denied".equals(e.type()) ? EventKind.ORDER_DENIED : EventKind.ORDER_REJECTED;
                notifications.add(OrderNotifications.refused(r.owner(), new OrderNotifications.Refusal(kind, e.id(),
                        e.correlationId(), e.detail(), e.occurredAt(), e.accountId(), e.botId(), e.instrument(),
                        e.side()), r.order()));
            }
            return new Batch(notifications, refusals.size(),
                    refusals.isEmpty() ? after : refusals.getLast().position());
        }
    }
}
