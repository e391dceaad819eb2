package io.cryptobot.backtest.domain.sweep;

import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Locale;

/** Grid: every point; random: a seeded sample; walk-forward: rolling in-sample optimisation, out-of-sample test. */
public enum SweepKind {
    GRID,
    RANDOM,
    WALK_FORWARD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Option<SweepKind> parse(String code) {
        return Option.ofOptional(Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst());
    }
}
