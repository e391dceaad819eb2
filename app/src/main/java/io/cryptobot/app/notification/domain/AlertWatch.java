package io.cryptobot.app.notification.domain;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One rule watching one bot: whether the bot is beyond the threshold now ({@code breached}), how many breaches
 * fired so far, and what the measures need to go on after a restart: the equity peak (drawdown), the UTC day and
 * the equity it opened with (daily loss), the last equity and sample time (samples at or before it were seen: a
 * rebuilt session's samples are not counted twice), and for "no trade" the fill cursor and since when the bot has
 * been quiet.
 *
 * <p>A breach fires once, on the first measure beyond the threshold; the watch re-arms on the first measure back
 * within it (at or below), and the next crossing fires again. Pure: every step answers the next watch and what
 * fired, the caller stores both.
 */
public record AlertWatch(AlertRuleId rule, UUID botId, boolean breached, int breaches, long lastSampleTime,
                         double peak, long day, double dayOpen, double lastEquity, Option<Instant> quietSince,
                         long fillCursor) {
    private static final long DAY_MILLIS = 86_400_000L;

    public AlertWatch {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(quietSince, "quietSince");
        if (breaches < 0 || fillCursor < 0) {
            throw new IllegalArgumentException("breaches and the fill cursor are not negative");
        }
    }

    /** A watch that has seen nothing yet. */
    public static AlertWatch start(AlertRuleId rule, UUID botId) {
        return new AlertWatch(rule, botId, false, 0, Long.MIN_VALUE, Double.NaN, Long.MIN_VALUE, Double.NaN,
                Double.NaN, Option.none(), 0);
    }

    /** The watch after a step, and the breaches the step fired (in time order). */
    public record Evaluation(AlertWatch next, List<AlertBreach> fired) {
        public Evaluation {
            Objects.requireNonNull(next, "next");
            fired = List.copyOf(fired);
        }
    }

    /**
     * New equity samples of the bot (time order) and its open positions' worth at the last of them. Samples at or
     * before the last one seen are skipped. Drawdown and daily loss are measured at every new sample, exposure at
     * the last one; "no trade" is not measured here.
     */
    public Evaluation onEquity(AlertCondition condition, List<EquitySample> samples, double grossExposure) {
        Mutable w = new Mutable(this);
        List<AlertBreach> fired = new ArrayList<>();
        EquitySample last = null;
        for (EquitySample s : samples) {
            if (s.time() <= w.lastSampleTime) {
                continue;
            }
            double e = s.equity();
            switch (condition) {
                case AlertCondition.Drawdown c -> {
                    w.peak = Double.isNaN(w.peak) ? e : Math.max(w.peak, e);
                    w.measure(c, w.peak > 0 ? (w.peak - e) / w.peak * 100 : 0, s.time(), fired);
                }
                case AlertCondition.DailyLoss c -> {
                    long d = Math.floorDiv(s.time(), DAY_MILLIS);
                    if (d != w.day) {
                        // the day opens with the equity the previous one ended with (the first sample when none)
                        w.dayOpen = Double.isNaN(w.lastEquity) ? e : w.lastEquity;
                        w.day = d;
                    }
                    double loss = w.dayOpen - e;
                    w.measure(c, c.quote() ? loss : w.dayOpen > 0 ? loss / w.dayOpen * 100 : 0, s.time(), fired);
                }
                case AlertCondition.Exposure c -> {
                }
                case AlertCondition.NoTrade c -> {
                }
            }
            w.lastEquity = e;
            w.lastSampleTime = s.time();
            last = s;
        }
        if (last != null && condition instanceof AlertCondition.Exposure c) {
            double e = last.equity();
            double exposure = e > 0 ? grossExposure / e * 100 : grossExposure > 0 ? Double.POSITIVE_INFINITY : 0;
            w.measure(c, exposure, last.time(), fired);
        }
        return new Evaluation(w.freeze(), fired);
    }

    /**
     * The scheduler's look at a running bot for a "no trade" rule at {@code now}: whether it filled anything since
     * the last look (up to {@code cursor}). Quiet time counts from the last look that found a fill, or from the
     * first look (when the rule began watching the bot, or the bot ran again).
     */
    public Evaluation onTick(AlertCondition.NoTrade condition, boolean traded, long cursor, Instant now) {
        Mutable w = new Mutable(this);
        if (traded || w.quietSince.isEmpty()) {
            w.quietSince = Option.some(now);
        }
        w.fillCursor = Math.max(w.fillCursor, cursor);
        double hours = Duration.between(w.quietSince.get(), now).toMillis() / 3_600_000.0;
        List<AlertBreach> fired = new ArrayList<>();
        w.measure(condition, hours, now.toEpochMilli(), fired);
        return new Evaluation(w.freeze(), fired);
    }

    /** The bot is not running (paused, stopped): quiet time starts again when it runs. */
    public AlertWatch notRunning() {
        return quietSince.isEmpty() ? this : new AlertWatch(rule, botId, breached, breaches, lastSampleTime, peak, day,
                dayOpen, lastEquity, Option.none(), fillCursor);
    }

    /** The working copy of one step. */
    private static final class Mutable {
        final AlertWatch from;
        boolean breached;
        int breaches;
        long lastSampleTime;
        double peak;
        long day;
        double dayOpen;
        double lastEquity;
        Option<Instant> quietSince;
        long fillCursor;

        Mutable(AlertWatch w) {
            from = w;
            breached = w.breached;
            breaches = w.breaches;
            lastSampleTime = w.lastSampleTime;
            peak = w.peak;
            day = w.day;
            dayOpen = w.dayOpen;
            lastEquity = w.lastEquity;
            quietSince = w.quietSince;
            fillCursor = w.fillCursor;
        }

        void measure(AlertCondition condition, double value, long time, List<AlertBreach> fired) {
            boolean beyond = value > condition.threshold().doubleValue();
            if (beyond && !breached) {
                breached = true;
                breaches++;
                fired.add(new AlertBreach(condition, value, Instant.ofEpochMilli(time), breaches));
            } else if (!beyond && breached) {
                breached = false;
            }
        }

        AlertWatch freeze() {
            return new AlertWatch(from.rule, from.botId, breached, breaches, lastSampleTime, peak, day, dayOpen,
                    lastEquity, quietSince, fillCursor);
        }
    }
}
