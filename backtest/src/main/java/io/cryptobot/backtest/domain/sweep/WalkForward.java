package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Rolling walk-forward windows over a range {@code [from, to)}: window {@code k} starts at
 * {@code s = from + k * step}, optimises on the in-sample slice {@code [s, s + inSample)} and tests the winner on
 * the out-of-sample slice {@code [s + inSample, s + inSample + outOfSample)}; windows continue while the
 * out-of-sample slice ends at or before {@code to}. Lengths in milliseconds.
 */
public record WalkForward(long inSample, long outOfSample, long step) {
    public WalkForward {
        if (inSample <= 0 || outOfSample <= 0 || step <= 0) {
            throw new IllegalArgumentException("lengths must be positive: " + inSample + ", " + outOfSample + ", "
                    + step);
        }
    }

    /** One window's two slices, epoch milliseconds, each half-open. */
    public record Window(long inSampleFrom, long inSampleTo, long outOfSampleFrom, long outOfSampleTo) {
    }

    public java.util.List<Window> windows(long from, long to) {
        java.util.List<Window> windows = new java.util.ArrayList<>();
        for (long s = from; s + inSample + outOfSample <= to; s += step) {
            windows.add(new Window(s, s + inSample, s + inSample, s + inSample + outOfSample));
        }
        return windows;
    }

    /** A client's lengths: ISO-8601 durations ({@code P30D}, {@code PT12H}) or milliseconds; step optional. */
    public record Raw(String inSample, String outOfSample, String step) {
    }

    /**
     * Checks the lengths, each under {@code walkForward.<field>}: each must parse and be longer than one candle
     * ({@code candleMillis}); the step defaults to the out-of-sample length; the range must hold at least one
     * window (reported under {@code walkForward}).
     */
    public static Validation<Seq<Violation>, WalkForward> checked(Raw raw, long candleMillis, long from, long to) {
        if (raw == null) {
            return Validation.invalid(List.of(new Violation("walkForward", "is required for a walk_forward sweep")));
        }
        Either<String, Long> in = length(raw.inSample(), candleMillis);
        Either<String, Long> out = length(raw.outOfSample(), candleMillis);
        Either<String, Long> step = raw.step() == null ? out : length(raw.step(), 0);
        List<Violation> found = List.empty();
        found = found.appendAll(in.swap().map(r -> new Violation("walkForward.inSample", r)));
        found = found.appendAll(out.swap().map(r -> new Violation("walkForward.outOfSample", r)));
        if (raw.step() != null) {
            found = found.appendAll(step.swap().map(r -> new Violation("walkForward.step", r)));
        }
        if (!found.isEmpty()) {
            return Validation.invalid(found);
        }
        WalkForward plan = new WalkForward(in.get(), out.get(), step.get());
        if (plan.windows(from, to).isEmpty()) {
            return Validation.invalid(List.of(new Violation("walkForward", "the range is shorter than one window ("
                    + Duration.ofMillis(in.get() + out.get()) + ")")));
        }
        return Validation.valid(plan);
    }

    static Either<String, Long> length(String text, long candleMillis) {
        if (text == null || text.isBlank()) {
            return Either.left("is missing");
        }
        String trimmed = text.trim();
        long millis;
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                millis = Long.parseLong(trimmed);
            } catch (NumberFormatException e) {
                return Either.left("is too large");
            }
        } else {
            try {
                millis = Duration.parse(trimmed).toMillis();
            } catch (DateTimeParseException | ArithmeticException e) {
                return Either.left("must be milliseconds or an ISO-8601 duration like P30D, got '" + text + "'");
            }
        }
        if (millis <= candleMillis) {
            return Either.left(candleMillis == 0 ? "must be positive" : "must be longer than one candle ("
                    + Duration.ofMillis(candleMillis) + ")");
        }
        return Either.right(millis);
    }
}
