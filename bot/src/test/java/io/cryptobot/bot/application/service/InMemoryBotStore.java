package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The bot store in memory, with the adapter's rules: unique names per owner, compare-and-set on the status. */
class InMemoryBotStore implements BotStorePort {
    private final Map<BotId, Bot> bots = new LinkedHashMap<>();
    private final Map<BotId, List<BotControl>> controls = new LinkedHashMap<>();
    /** Every write, whoever's bot: a version that changes more often than the owner's own is still correct. */
    private long writes;

    @Override
    public long version(UserId owner) {
        return writes;
    }

    @Override
    public boolean insert(Bot bot, BotControl created) {
        if (bots.values().stream().anyMatch(b -> b.owner().equals(bot.owner()) && b.name().equals(bot.name()))) {
            return false;
        }
        bots.put(bot.id(), bot);
        writes++;
        controls.put(bot.id(), new ArrayList<>(List.of(created)));
        return true;
    }

    @Override
    public Option<Bot> load(UserId owner, BotId id) {
        return Option.of(bots.get(id)).filter(b -> b.owner().equals(owner));
    }

    @Override
    public Page<Bot> list(UserId owner, PageRequest page) {
        List<Bot> mine = bots.values().stream().filter(b -> b.owner().equals(owner)).toList();
        return new Page<>(mine.subList(Math.min(page.offset(), mine.size()),
                Math.min(page.offset() + page.limit(), mine.size())), page.offset(), page.limit(), mine.size());
    }

    @Override
    public boolean update(Bot bot, BotStatus expected, BotControl control) {
        return update(bot, expected, List.of(control));
    }

    @Override
    public boolean update(Bot bot, BotStatus expected, List<BotControl> added) {
        Bot stored = bots.get(bot.id());
        if (stored == null || stored.status() != expected) {
            return false;
        }
        bots.put(bot.id(), bot);
        writes++;
        controls.computeIfAbsent(bot.id(), i -> new ArrayList<>()).addAll(added);
        return true;
    }

    @Override
    public boolean move(Bot bot, BotStatus expected) {
        Bot stored = bots.get(bot.id());
        if (stored == null || stored.status() != expected) {
            return false;
        }
        bots.put(bot.id(), bot);
        writes++;
        return true;
    }

    @Override
    public boolean checkpoint(Bot bot) {
        Bot stored = bots.get(bot.id());
        if (stored == null || !stored.status().isLive()) {
            return false;
        }
        bots.put(bot.id(), stored.withProgressOf(bot));
        writes++;
        return true;
    }

    @Override
    public void addControl(BotId id, BotControl control) {
        controls.computeIfAbsent(id, i -> new ArrayList<>()).add(control);
    }

    @Override
    public void addControls(BotId id, List<BotControl> added) {
        added.forEach(control -> addControl(id, control));
    }

    @Override
    public void addControlsDurableWithNextCommit(BotId id, List<BotControl> added) {
        added.forEach(control -> addControl(id, control));
    }

    @Override
    public void addControlsDurableWithNextCommit(List<BotControls> added) {
        added.forEach(bot -> addControls(bot.bot(), bot.controls()));
    }

    @Override
    public List<BotControl> controls(BotId id) {
        return List.copyOf(controls.getOrDefault(id, List.of()));
    }

    @Override
    public Option<BotId> liveOnAccount(UUID accountId) {
        return Option.ofOptional(bots.values().stream().filter(b -> b.accountId().equals(accountId)
                && b.status().isLive()).map(Bot::id).findFirst());
    }

    @Override
    public void appendEquity(BotId id, EquitySeries samples) {
        throw new UnsupportedOperationException("equity samples are not kept by this fake");
    }

    @Override
    public EquitySeries equity(BotId id) {
        throw new UnsupportedOperationException("equity samples are not kept by this fake");
    }

    @Override
    public List<Bot> onAccount(UserId owner, java.util.UUID accountId, java.util.Set<BotStatus> statuses) {
        return bots.values().stream().filter(b -> b.owner().equals(owner) && b.accountId().equals(accountId)
                && statuses.contains(b.status())).toList();
    }

    @Override
    public List<Bot> liveOf(UserId owner) {
        return bots.values().stream().filter(b -> b.owner().equals(owner) && b.status().isLive()).toList();
    }

    @Override
    public long count(UserId owner, java.util.Set<BotStatus> statuses) {
        return bots.values().stream().filter(b -> b.owner().equals(owner) && statuses.contains(b.status())).count();
    }

    @Override
    public List<Bot> live() {
        return bots.values().stream().filter(b -> b.status().isLive()).toList();
    }

    /** Not kept here: the feed of alarm entries is read from the database (tested against it in the app). */
    @Override
    public long lastAlarmEntryPosition() {
        throw new UnsupportedOperationException("the in-memory store keeps no positions");
    }

    @Override
    public List<AlarmEntry> alarmEntriesAfter(long after, long through, int limit) {
        throw new UnsupportedOperationException("the in-memory store keeps no positions");
    }
}
