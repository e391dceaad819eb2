package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.SessionOrdersUseCase;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.risk.domain.TradingState;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Runs live paper bots: each owns a {@code TradingSession} (the code path backtests run) fed by its replay feed,
 * one step at a time on a bot worker, and a session journal (its {@link BotControl}s). This is the one entry the
 * bot's services and the process tests use; every call is answered by the part that owns it:
 * <ul>
 *   <li>{@link LiveSessions}: the sessions run here, suspended or being rebuilt; ending, releasing, putting aside;</li>
 *   <li>{@link LaunchLiveBot} ({@link RebuildSession}, {@link CheckRebuiltSession}): launch = rebuild from the
 *       journal, check against the order journal, follow the kill switch, feed;</li>
 *   <li>{@link SessionSteps}: the feed's steps, checkpoints, completion and failure;</li>
 *   <li>{@link ControlLiveBot}, {@link FollowOwnersKillSwitch}, {@link PlaceHandOrder}, {@link CancelHandOrder}:
 *       the inputs from outside;</li>
 *   <li>{@link SuperviseLiveBots}: resume at start-up and after a database outage.</li>
 * </ul>
 *
 * <p><b>Write-ahead.</b> Every input from outside that changes a session (an order placed or canceled by hand, a
 * pause, resume or stop, a move of the owner's kill switch) is appended to the journal, with the step it took
 * effect after, before its effect on the orders is projected to the order journal and before the caller is
 * answered. A step's own activity (what candles decide) is projected after the bot's checkpoint names that step.
 * So whatever the order journal holds is implied by the candles up to the checkpoint and the journal's entries.
 * Every change of a session is made under its lock. A hand order's entry and a step's write are queued on the
 * session's {@link JournalWriter} and waited for outside the lock; every other write of the session first waits
 * for the writer to be empty. A session that cannot write (the database is unreachable) is put aside
 * at once, as a crash would drop it, and rebuilt from its journal when the database answers again.
 *
 * <p><b>Recovery.</b> A session is rebuilt, never loaded: the strategy is warmed up on the stored candles before
 * the feed's start, then the stored candles are played up to the checkpoint or the last journal entry, whichever
 * is later, every entry applied after the step it was recorded at (hand orders under the ids they were given).
 * Same candles, same inputs, same code: the same orders, fills and ids. The rebuild is then checked against the
 * order journal field by field ({@link RecoveryCheck}) before and after its activity is written again (which is
 * idempotent); any difference is an incident that fails the bot with the differences as its reason, never a
 * silent repair. The session then follows the owner's kill switch as stored (a halt made just before a crash
 * holds), and the feed continues with the candle after the last one played.
 */
@ApplicationScoped
public class BotRunner {
    /** The tag of orders placed by hand into a bot's session. */
    public static final String MANUAL_TAG = PlaceHandOrder.MANUAL_TAG;
    private final LiveSessions sessions;
    private final LaunchLiveBot launcher;
    private final ControlLiveBot controls;
    private final FollowOwnersKillSwitch killSwitch;
    private final PlaceHandOrder placements;
    private final CancelHandOrder cancels;
    private final SuperviseLiveBots supervisor;

    BotRunner(LiveSessions sessions, LaunchLiveBot launcher, ControlLiveBot controls,
              FollowOwnersKillSwitch killSwitch, PlaceHandOrder placements, CancelHandOrder cancels,
              SuperviseLiveBots supervisor) {
        this.sessions = sessions;
        this.launcher = launcher;
        this.controls = controls;
        this.killSwitch = killSwitch;
        this.placements = placements;
        this.cancels = cancels;
        this.supervisor = supervisor;
    }

    public boolean isRunningHere(BotId id) {
        return sessions.isRunningHere(id);
    }

    /** See {@link LaunchLiveBot#launch}: the bot must already be stored as live. */
    public Either<DomainError, Bot> launch(Bot bot) {
        return launcher.launch(bot);
    }

    /** See {@link LiveSessions#runningOn}: found without reading the store. */
    public Option<Bot> runningOn(UserId owner, UUID accountId) {
        return sessions.runningOn(owner, accountId);
    }

    /** See {@link ControlLiveBot#control}. */
    public Either<DomainError, Bot> control(Bot current, Bot target, BotControl.Kind kind, String reason) {
        return controls.control(current, target, kind, reason);
    }

    /** See {@link LiveSessions#release}: nothing stored changes. */
    public void release(BotId id) {
        sessions.release(id);
    }

    /** See {@link FollowOwnersKillSwitch#applyTradingState}. */
    public void applyTradingState(Bot bot, TradingState target, String reason) {
        killSwitch.applyTradingState(bot, target, reason);
    }

    /** See {@link PlaceHandOrder}: returns once the entry and the order's activity are durable. */
    public Either<DomainError, SessionOrdersUseCase.SessionPlacement> place(Bot bot, OrderRequest request) {
        return placements.place(bot, request);
    }

    /** See {@link CancelHandOrder}. */
    public Either<DomainError, OrderView> cancel(Bot bot, OrderId order) {
        return cancels.cancel(bot, order);
    }

    /** See {@link SuperviseLiveBots#resumeAll}. */
    public void resumeAll() {
        supervisor.resumeAll();
    }

    /** How many live bots are being rebuilt now; -1 while the live bots of a start-up have not been read yet. */
    public int rebuilding() {
        return supervisor.rebuilding();
    }

    /** See {@link SuperviseLiveBots#supervise}. */
    public void supervise() {
        supervisor.supervise();
    }

    /** See {@link SuperviseLiveBots#relaunch}. */
    void relaunch(Bot bot, String recovered) {
        supervisor.relaunch(bot, recovered);
    }
}
