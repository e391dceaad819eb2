package io.cryptobot.app.notification.adapter.out.bot;

import io.cryptobot.app.notification.application.port.out.WatchBotsPort;
import io.cryptobot.bot.application.port.in.RunningBotsQuery;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The owner's bots through the bot context's queries, their fills through the order context's. */
@ApplicationScoped
class WatchBotsAdapter implements WatchBotsPort {
    private final RunningBotsQuery runningBots;
    private final OrderQueries orders;

    WatchBotsAdapter(RunningBotsQuery runningBots, OrderQueries orders) {
        this.runningBots = runningBots;
        this.orders = orders;
    }

    @Override
    public boolean owns(UserId owner, UUID botId) {
        return runningBots.owns(owner, botId);
    }

    @Override
    public List<Bot> running(UserId owner) {
        return runningBots.running(owner).stream().map(b -> new Bot(b.id(), b.name())).toList();
    }

    @Override
    public long fillCursor(UserId owner, UUID botId, long after) {
        return orders.fillsOfBotSince(owner, botId, after).through();
    }
}
