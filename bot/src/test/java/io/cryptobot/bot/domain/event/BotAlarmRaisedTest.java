package io.cryptobot.bot.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.kernel.domain.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which stored entries of a bot raise an alarm, as the live path and the catch-up both read them. */
class BotAlarmRaisedTest {
    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final UUID BOT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00.123456Z");
    private static final String READ = "reconciled (timer): 1 open order(s) on the venue, 3" + BotAlarmRaised.FOUND;

    private static BotControl entry(BotControl.Kind kind, String reason) {
        return new BotControl(kind, 0, reason, AT);
    }

    @Test
    void a_failure_and_an_incident_are_a_failed_bot_at_the_entrys_time() {
        for (BotControl.Kind kind : new BotControl.Kind[] {BotControl.Kind.FAILED, BotControl.Kind.INCIDENT}) {
            BotAlarmRaised alarm = BotAlarmRaised.of(OWNER, BOT, "grid", entry(kind, "boom"), "").get();
            assertThat(alarm.alarm()).isEqualTo(BotAlarmRaised.Alarm.FAILED);
            assertThat(alarm.reason()).isEqualTo("boom");
            assertThat(alarm.at()).isEqualTo(AT);
        }
    }

    @Test
    void only_a_block_on_a_stale_feed_is_a_feed_stale_alarm() {
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", entry(BotControl.Kind.OPENING_BLOCKED,
                "the live feed of BINANCE:BTC/USDT 1m is stale; the venue halted it"), "").map(BotAlarmRaised::alarm))
                .containsExactly(BotAlarmRaised.Alarm.FEED_STALE);
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", entry(BotControl.Kind.OPENING_BLOCKED,
                "the venue halted BINANCE:BTC/USDT"), "")).isEmpty();
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", entry(BotControl.Kind.OPENING_ALLOWED,
                "the live feed of BINANCE:BTC/USDT 1m is fresh"), "")).isEmpty();
    }

    @Test
    void a_reconciliation_is_a_drift_alarm_when_its_differences_are_new() {
        String d1 = "1 difference(s): unknown_order: order 7 on the venue";
        String d2 = "2 difference(s): unknown_order: order 7 on the venue; balance: USDT 3 more";
        BotControl first = entry(BotControl.Kind.VENUE_RECONCILED, READ + d1);
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", first, "").get().reason()).isEqualTo(d1);
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", first, READ + BotAlarmRaised.AGREES)).hasSize(1);
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", first, "reconciled (start): 0 open order(s) on the venue, 9"
                + BotAlarmRaised.FOUND + d1)).as("the same differences as the previous one").isEmpty();
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", entry(BotControl.Kind.VENUE_RECONCILED, READ + d2),
                READ + d1).map(BotAlarmRaised::reason)).containsExactly(d2);
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", entry(BotControl.Kind.VENUE_RECONCILED,
                READ + BotAlarmRaised.AGREES), READ + d1)).isEmpty();
    }

    @Test
    void other_entries_raise_nothing() {
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", entry(BotControl.Kind.PAUSED, "by its owner"), "")).isEmpty();
        assertThat(BotAlarmRaised.of(OWNER, BOT, "grid", entry(BotControl.Kind.VENUE_NOTE, "stream down"), ""))
                .isEmpty();
    }
}
