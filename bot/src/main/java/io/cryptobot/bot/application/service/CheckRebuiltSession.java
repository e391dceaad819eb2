package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.PublishBotAlarmPort;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderFilter;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.portfolio.domain.Ledger;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Checks a rebuilt session against the order journal field by field ({@link RecoveryCheck}), before and after its
 * activity is written again (which is idempotent), and against the ledger the stored fills give. Any difference is
 * an incident that fails the bot with the differences as its reason, never a silent repair.
 */
@ApplicationScoped
class CheckRebuiltSession {
    private static final Logger LOG = Logger.getLogger(CheckRebuiltSession.class.getName());
    private final OrderQueries orders;
    private final BotStorePort store;
    private final ActivityProjection projection;
    private final Clock clock;

    private final PublishBotAlarmPort alarms;

    CheckRebuiltSession(OrderQueries orders, BotStorePort store, ActivityProjection projection, Clock clock,
                        PublishBotAlarmPort alarms) {
        this.alarms = alarms;
        this.orders = orders;
        this.store = store;
        this.projection = projection;
        this.clock = clock;
    }

    /**
     * Whether the bot's {@code ordersOfBot} orders are all the orders of its account: no earlier bot traded there,
     * so its session alone knows every client order id taken on the account.
     */
    boolean aloneOnAccount(Bot bot, int ordersOfBot) {
        OrderFilter account = new OrderFilter(java.util.Set.of(), io.vavr.control.Option.none(),
                io.vavr.control.Option.none(), io.vavr.control.Option.some(bot.accountId()),
                io.vavr.control.Option.none(), io.vavr.control.Option.none());
        return orders.list(bot.owner(), account, new PageRequest(0, 1)).await().indefinitely().total() == ordersOfBot;
    }

    /** The bot's orders as the order journal holds them. */
    List<OrderView> projectedOrders(Bot bot) {
        List<OrderView> all = new ArrayList<>();
        for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
            Page<OrderView> page = orders.list(bot.owner(), OrderFilter.ofBot(bot.id().value()),
                    new PageRequest(offset, PageRequest.MAX_LIMIT)).await().indefinitely();
            all.addAll(page.items());
            if (page.items().size() < PageRequest.MAX_LIMIT) {
                return all;
            }
        }
    }

    /**
     * Checks the rebuilt session against the order journal (before and after writing its activity again) and
     * against the ledger the stored fills give: the differences, or what was rebuilt when they agree. The last
     * candle played must be the one the journal needs.
     */
    Either<List<String>, String> check(LiveSession runner, List<OrderView> projected, long upTo) {
        Bot bot = runner.bot;
        List<String> found = new ArrayList<>();
        if (upTo != Long.MIN_VALUE && runner.session.lastStepTime() < upTo) {
            found.add("the stored candles end at " + Instant.ofEpochMilli(runner.session.lastStepTime())
                    + " but the journal needs them up to " + Instant.ofEpochMilli(upTo));
            return Either.left(found);
        }
        List<OrderView> sessionOrders = runner.session.placedOrders().stream()
                .map(p -> OrderView.of(runner.steps.tracked(p))).toList();
        List<FillView> sessionFills = runner.session.fills().stream()
                .map(f -> FillView.of(runner.steps.tracked(f))).toList();
        found.addAll(RecoveryCheck.within(sessionOrders, sessionFills, projected,
                orders.fillsOfBot(bot.owner(), bot.id().value())));
        if (!found.isEmpty()) {
            return Either.left(found);
        }
        StepJournal.Step rebuilt = runner.steps.drain();
        projection.record(bot.owner(), rebuilt);
        List<FillView> storedFills = orders.fillsOfBot(bot.owner(), bot.id().value());
        found.addAll(RecoveryCheck.equal(sessionOrders, sessionFills, projectedOrders(bot), storedFills));
        Ledger stored = BotLedger.of(bot.startingCash(), storedFills, (fill, changed) -> { });
        Ledger mine = runner.session.ledger();
        for (Asset asset : List.of(bot.instrument().quote(), bot.instrument().base())) {
            if (!stored.balance(asset).equals(mine.balance(asset))) {
                found.add("balance " + asset + " is " + stored.balance(asset) + " by the stored fills, "
                        + mine.balance(asset) + " in the rebuilt session");
            }
        }
        if (!stored.positions().equals(mine.positions())) {
            found.add("positions are " + stored.positions() + " by the stored fills, " + mine.positions()
                    + " in the rebuilt session");
        }
        if (!found.isEmpty()) {
            return Either.left(found);
        }
        String summary = runner.stepsPlayed + " steps up to " + Instant.ofEpochMilli(runner.session.lastStepTime())
                + (runner.rebuiltFromFeed == 0 ? "" : " (" + runner.rebuiltFromFeed + " of their candles from the "
                + "live feed, not yet stored)") + ", " + sessionOrders.size() + " orders (" + runner.session.openOrderCount() + " open), "
                + sessionFills.size() + " fills, balances and positions: all equal to the order journal";
        LOG.info(() -> "bot " + bot.id() + " rebuilt from its journal: " + summary);
        return Either.right(summary);
    }

    /** Fails a bot whose rebuild differs from its journal: one log line, the differences in its events. */
    Bot incident(Bot bot, List<String> differences) {
        UUID incident = UUID.randomUUID();
        String reason = "recovery incident " + incident + ": the rebuilt session differs from its journal in "
                + differences.size() + " place(s): " + String.join("; ", differences.subList(0,
                Math.min(5, differences.size()))) + (differences.size() > 5 ? "; ..." : "");
        String stored = reason.length() > 2_000 ? reason.substring(0, 2_000) + "..." : reason;
        LOG.severe(() -> "bot " + bot.id() + " " + stored);
        java.time.Instant now = clock.now();
        Bot failed = bot.fail(stored, now).getOrElse(bot);
        BotControl entry = new BotControl(BotControl.Kind.INCIDENT, bot.lastStep().getOrElse(Long.MIN_VALUE), stored,
                now);
        if (store.update(failed, bot.status(), entry)) {
            BotAlarmRaised.of(bot.owner(), bot.id().value(), bot.name(), entry, "").forEach(alarms::publish);
        }
        return failed;
    }
}
