package io.cryptobot.app.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Alert rules on hand-computed equity curves: each breach fires once, and re-arms back within the threshold. */
class AlertWatchTest {
    private static final long MIN = 60_000L;
    private static final long DAY = 86_400_000L;
    private final AlertWatch fresh = AlertWatch.start(new AlertRuleId(UUID.randomUUID()), UUID.randomUUID());

    private static List<EquitySample> curve(long start, double... equities) {
        List<EquitySample> samples = new ArrayList<>();
        for (int i = 0; i < equities.length; i++) {
            samples.add(new EquitySample(start + i * MIN, equities[i]));
        }
        return samples;
    }

    @Nested
    class Drawdown {
        private final AlertCondition tenPercent = new AlertCondition.Drawdown(new BigDecimal("10"));

        @Test
        void fires_once_when_the_equity_falls_more_than_ten_percent_below_its_peak() {
            // peak 1000 then 1200; 1080 is 10 % below 1200 (not beyond), 1079 is 10.083 % below
            var result = fresh.onEquity(tenPercent, curve(0, 1000, 1200, 1080, 1079, 1000, 1050), 0);
            assertThat(result.fired()).hasSize(1);
            AlertBreach breach = result.fired().get(0);
            assertThat(breach.value()).isCloseTo(100.0 * 121 / 1200, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(breach.at()).isEqualTo(Instant.ofEpochMilli(3 * MIN));
            assertThat(breach.number()).isEqualTo(1);
            assertThat(result.next().breached()).isTrue();
            assertThat(result.next().peak()).isEqualTo(1200);
        }

        @Test
        void re_arms_back_within_the_threshold_and_fires_again_on_the_next_breach() {
            // 1200 peak: 1000 (16.7 %) fires, 1100 (8.3 %) re-arms, 1070 (10.8 %) fires the second breach
            var first = fresh.onEquity(tenPercent, curve(0, 1200, 1000, 1100), 0);
            assertThat(first.fired()).hasSize(1);
            assertThat(first.next().breached()).isFalse();
            var second = first.next().onEquity(tenPercent, curve(3 * MIN, 1070, 1060), 0);
            assertThat(second.fired()).extracting(AlertBreach::number).containsExactly(2);
            assertThat(second.next().breaches()).isEqualTo(2);
        }

        @Test
        void samples_seen_already_are_not_counted_again() {
            var first = fresh.onEquity(tenPercent, curve(0, 1000, 800), 0);
            assertThat(first.fired()).hasSize(1);
            // a rebuilt session publishes the same samples again: nothing new, nothing fired, the state unchanged
            var again = first.next().onEquity(tenPercent, curve(0, 1000, 800), 0);
            assertThat(again.fired()).isEmpty();
            assertThat(again.next()).isEqualTo(first.next());
        }

        @Test
        void a_watch_restored_in_breach_does_not_fire_again_while_still_beyond() {
            var first = fresh.onEquity(tenPercent, curve(0, 1000, 850), 0);
            AlertWatch restored = first.next();
            assertThat(restored.onEquity(tenPercent, curve(2 * MIN, 840, 860), 0).fired()).isEmpty();
        }
    }

    @Nested
    class DailyLoss {
        @Test
        void in_quote_from_the_equity_the_utc_day_opened_with() {
            var fiftyQuote = new AlertCondition.DailyLoss(new BigDecimal("50"), true);
            // day 0 ends at 1100; day 1 opens with 1100: 1060 is a loss of 40, 1049 of 51 (fires)
            List<EquitySample> samples = new ArrayList<>(curve(DAY - 2 * MIN, 1000, 1100));
            samples.addAll(curve(DAY, 1060, 1049, 1030));
            var result = fresh.onEquity(fiftyQuote, samples, 0);
            assertThat(result.fired()).singleElement().satisfies(b -> {
                assertThat(b.value()).isCloseTo(51, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(b.at()).isEqualTo(Instant.ofEpochMilli(DAY + MIN));
            });
            assertThat(result.next().dayOpen()).isEqualTo(1100);
            assertThat(result.next().day()).isEqualTo(1);
        }

        @Test
        void in_percent_and_a_new_day_re_arms() {
            var fivePercent = new AlertCondition.DailyLoss(new BigDecimal("5"), false);
            // day 0 opens at 2000: 1880 is 6 % down (fires); day 1 opens at 1880: 1800 is 4.26 % (re-arms)
            List<EquitySample> samples = new ArrayList<>(curve(0, 2000, 1880));
            samples.addAll(curve(DAY, 1800, 1780));
            var result = fresh.onEquity(fivePercent, samples.subList(0, 3), 0);
            assertThat(result.fired()).singleElement().satisfies(b ->
                    assertThat(b.value()).isCloseTo(6, org.assertj.core.data.Offset.offset(1e-9)));
            assertThat(result.next().breached()).isFalse();
            // 1780 is 5.32 % below 1880: the second breach, on day 1
            var more = result.next().onEquity(fivePercent, samples.subList(3, 4), 0);
            assertThat(more.fired()).singleElement().satisfies(b -> assertThat(b.number()).isEqualTo(2));
        }
    }

    @Nested
    class Exposure {
        private final AlertCondition eighty = new AlertCondition.Exposure(new BigDecimal("80"));

        @Test
        void positions_worth_more_than_eighty_percent_of_the_equity_fire_once() {
            // 850 of 1000 is 85 %
            var result = fresh.onEquity(eighty, curve(0, 1000), 850);
            assertThat(result.fired()).singleElement().satisfies(b ->
                    assertThat(b.value()).isCloseTo(85, org.assertj.core.data.Offset.offset(1e-9)));
            assertThat(result.next().onEquity(eighty, curve(MIN, 1000), 900).fired()).isEmpty();
            // 800 of 1000 is exactly 80 %: within, re-armed
            var within = result.next().onEquity(eighty, curve(MIN, 1000), 800);
            assertThat(within.fired()).isEmpty();
            assertThat(within.next().breached()).isFalse();
        }

        @Test
        void nothing_new_measures_nothing() {
            var seen = fresh.onEquity(eighty, curve(0, 1000), 100).next();
            assertThat(seen.onEquity(eighty, curve(0, 1000), 990).fired()).isEmpty();
        }
    }

    @Nested
    class NoTrade {
        private final AlertCondition.NoTrade twoHours = new AlertCondition.NoTrade(new BigDecimal("2"));
        private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        @Test
        void fires_once_after_two_quiet_hours_and_re_arms_on_the_next_fill() {
            var w = fresh.onTick(twoHours, false, 0, t0);
            assertThat(w.fired()).isEmpty();
            w = w.next().onTick(twoHours, false, 0, t0.plusSeconds(7_200));
            assertThat(w.fired()).as("exactly two hours is not beyond").isEmpty();
            w = w.next().onTick(twoHours, false, 0, t0.plusSeconds(7_260));
            assertThat(w.fired()).singleElement().satisfies(b -> assertThat(b.value()).isCloseTo(121.0 / 60,
                    org.assertj.core.data.Offset.offset(1e-9)));
            w = w.next().onTick(twoHours, false, 0, t0.plusSeconds(20_000));
            assertThat(w.fired()).isEmpty();
            w = w.next().onTick(twoHours, true, 7, t0.plusSeconds(20_060));
            assertThat(w.next().breached()).isFalse();
            assertThat(w.next().fillCursor()).isEqualTo(7);
            w = w.next().onTick(twoHours, false, 7, t0.plusSeconds(20_060 + 7_201));
            assertThat(w.fired()).singleElement().satisfies(b -> assertThat(b.number()).isEqualTo(2));
        }

        @Test
        void a_bot_that_was_not_running_counts_its_quiet_time_from_when_it_runs_again() {
            var w = fresh.onTick(twoHours, false, 0, t0).next().notRunning();
            assertThat(w.onTick(twoHours, false, 0, t0.plusSeconds(10_000)).fired()).isEmpty();
        }
    }
}
