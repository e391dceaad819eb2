package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotAlarmsFeedQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.BotStorePort.AlarmEntry;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Every user's bot alarms by the position of their stored entries, for followers inside the platform (never served). */
@ApplicationScoped
class BotAlarmsFeedService implements BotAlarmsFeedQuery {
    private static final int MAX_LIMIT = 10_000;
    private final BotStorePort store;

    BotAlarmsFeedService(BotStorePort store) {
        this.store = store;
    }

    @Override
    public long lastPosition() {
        return store.lastAlarmEntryPosition();
    }

    @Override
    public Read after(long after, long through, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        if (through <= after) {
            return new Read(List.of(), 0, after);
        }
        List<AlarmEntry> entries = store.alarmEntriesAfter(after, through, Math.min(limit, MAX_LIMIT));
        List<StoredAlarm> alarms = new ArrayList<>();
        for (AlarmEntry e : entries) {
            BotAlarmRaised.of(e.owner(), e.botId(), e.botName(), e.entry(), e.previousReconciled())
                    .forEach(alarm -> alarms.add(new StoredAlarm(e.position(), alarm)));
        }
        return new Read(alarms, entries.size(), entries.isEmpty() ? after : entries.getLast().position());
    }
}
