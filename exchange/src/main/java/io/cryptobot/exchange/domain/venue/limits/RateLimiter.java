package io.cryptobot.exchange.domain.venue.limits;

import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps one venue's requests inside its documented budgets, before they are sent, and keeps them back after the
 * venue said "too many". Rules:
 * <ul>
 *   <li>{@link #acquire} takes a request's units from every budget it counts against, or from none: when one budget
 *   lacks room the answer is {@link VenueFailure.RateLimited} with the time until it has room, and nothing is
 *   taken. Callers answer that to their caller instead of waiting or retrying in a loop.</li>
 *   <li>{@link #observeUsed} adopts the venue's own count (Binance's {@code X-MBX-USED-WEIGHT-1M}) when it is higher
 *   than ours: other clients on the same address spend the same budget.</li>
 *   <li>{@link #throttled} records a 429 (or a 418 ban): no request passes until the gate opens, at
 *   {@code max(Retry-After, backoff)} from now, where the backoff doubles with each consecutive refusal (from
 *   {@code firstBackoff} up to {@code maxBackoff}) so that even a venue answering {@code Retry-After: 0} is never
 *   polled in a tight loop. {@link #succeeded} (an answer that was not a refusal) resets the backoff.</li>
 * </ul>
 * Time is passed in by the caller; the limiter never reads a clock. One limiter is shared by every caller of one
 * venue (the budgets are per address), hence the synchronized methods.
 */
public final class RateLimiter {
    private final Map<String, Meter> meters = new LinkedHashMap<>();
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private Instant gateOpensAt = Instant.EPOCH;
    private boolean banned;
    private int consecutiveRefusals;

    public RateLimiter(Collection<RequestBudget> budgets, Duration firstBackoff, Duration maxBackoff) {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (firstBackoff.toMillis() < 1 || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and max >= first");
        }
        for (RequestBudget budget : budgets) {
            meters.put(budget.name(), budget.kind() == RequestBudget.Window.FIXED
                    ? new FixedMeter(budget) : new SlidingMeter(budget));
        }
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Takes the request's units from its budgets, or answers how long to wait (taking nothing). */
    public synchronized Either<VenueFailure.RateLimited, RequestCost> acquire(RequestCost cost, Instant now) {
        if (now.isBefore(gateOpensAt)) {
            return Either.left(new VenueFailure.RateLimited(Duration.between(now, gateOpensAt), banned));
        }
        long nowMillis = now.toEpochMilli();
        long waitMillis = 0;
        for (Map.Entry<String, Long> unit : cost.units().entrySet()) {
            Meter meter = meter(unit.getKey());
            if (unit.getValue() > meter.budget.limit()) {
                throw new IllegalArgumentException(cost.endpoint() + " costs more than " + meter.budget + " allows");
            }
            waitMillis = Math.max(waitMillis, meter.waitMillis(unit.getValue(), nowMillis));
        }
        if (waitMillis > 0) {
            return Either.left(new VenueFailure.RateLimited(Duration.ofMillis(waitMillis), false));
        }
        cost.units().forEach((name, units) -> meters.get(name).take(units, nowMillis));
        return Either.right(cost);
    }

    /** The venue reports {@code used} units spent in the current window of {@code budget}. */
    public synchronized void observeUsed(String budget, long used, Instant now) {
        Meter meter = meters.get(budget);
        if (meter != null) {
            meter.adopt(used, now.toEpochMilli());
        }
    }

    /** The venue publishes a different limit than the documented default (Binance's exchange information). */
    public synchronized void adoptLimit(String budget, long limit) {
        Meter meter = meters.get(budget);
        if (meter != null && limit > 0) {
            meter.budget = meter.budget.withLimit(limit);
        }
    }

    /**
     * The venue refused a request as too many (429) or banned the address (418): closes the gate and answers how long
     * it stays closed.
     */
    public synchronized VenueFailure.RateLimited throttled(Option<Duration> retryAfter, boolean ban, Instant now) {
        consecutiveRefusals++;
        Duration backoff = backoff(consecutiveRefusals);
        Duration wait = retryAfter.filter(r -> r.compareTo(backoff) > 0).getOrElse(backoff);
        Instant opens = now.plus(wait);
        if (opens.isAfter(gateOpensAt)) {
            gateOpensAt = opens;
        }
        banned = ban || (banned && now.isBefore(gateOpensAt));
        return new VenueFailure.RateLimited(Duration.between(now, gateOpensAt), banned);
    }

    /** An answer that was not a refusal: the next refusal starts the backoff from its first step again. */
    public synchronized void succeeded() {
        consecutiveRefusals = 0;
        banned = false;
    }

    /** Units already spent in {@code budget}'s current window (or the last window's span, when sliding). */
    public synchronized long used(String budget, Instant now) {
        return meter(budget).used(now.toEpochMilli());
    }

    public synchronized long limit(String budget) {
        return meter(budget).budget.limit();
    }

    private Duration backoff(int refusals) {
        int doublings = Math.min(refusals - 1, 30);
        Duration step = firstBackoff.multipliedBy(1L << doublings);
        return step.compareTo(maxBackoff) > 0 ? maxBackoff : step;
    }

    private Meter meter(String name) {
        Meter meter = meters.get(name);
        if (meter == null) {
            throw new IllegalArgumentException("no budget named " + name);
        }
        return meter;
    }

    private abstract static sealed class Meter permits FixedMeter, SlidingMeter {
        RequestBudget budget;

        Meter(RequestBudget budget) {
            this.budget = budget;
        }

        /** 0 when {@code units} fit now, else the milliseconds until they do. */
        abstract long waitMillis(long units, long now);

        abstract void take(long units, long now);

        abstract void adopt(long used, long now);

        abstract long used(long now);
    }

    /** Windows start at whole multiples of their length since the epoch. */
    private static final class FixedMeter extends Meter {
        private long window = Long.MIN_VALUE;
        private long used;

        FixedMeter(RequestBudget budget) {
            super(budget);
        }

        private void roll(long now) {
            long current = Math.floorDiv(now, budget.window().toMillis());
            if (current != window) {
                window = current;
                used = 0;
            }
        }

        @Override
        long waitMillis(long units, long now) {
            roll(now);
            return used + units <= budget.limit() ? 0 : (window + 1) * budget.window().toMillis() - now;
        }

        @Override
        void take(long units, long now) {
            roll(now);
            used += units;
        }

        @Override
        void adopt(long reported, long now) {
            roll(now);
            used = Math.max(used, reported);
        }

        @Override
        long used(long now) {
            roll(now);
            return used;
        }
    }

    /** Remembers when each unit was spent and lets it go one window later. */
    private static final class SlidingMeter extends Meter {
        private final ArrayDeque<long[]> spent = new ArrayDeque<>();
        private long sum;

        SlidingMeter(RequestBudget budget) {
            super(budget);
        }

        private void expire(long now) {
            long horizon = now - budget.window().toMillis();
            while (!spent.isEmpty() && spent.peekFirst()[0] <= horizon) {
                sum -= spent.pollFirst()[1];
            }
        }

        @Override
        long waitMillis(long units, long now) {
            expire(now);
            long excess = sum + units - budget.limit();
            if (excess <= 0) {
                return 0;
            }
            for (long[] entry : spent) {
                excess -= entry[1];
                if (excess <= 0) {
                    return entry[0] + budget.window().toMillis() - now;
                }
            }
            throw new IllegalStateException("unreachable: units never exceed the limit");
        }

        @Override
        void take(long units, long now) {
            expire(now);
            spent.addLast(new long[] {now, units});
            sum += units;
        }

        @Override
        void adopt(long reported, long now) {
            expire(now);
            if (reported > sum) {
                take(reported - sum, now);
            }
        }

        @Override
        long used(long now) {
            expire(now);
            return sum;
        }
    }
}
