package io.cryptobot.bot.domain.indicator;

/** The argument and state rules every indicator applies, with one wording for their messages. */
final class Checks {

    private Checks() {
    }

    static int atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
        return value;
    }

    static double notNegative(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    static void ready(Indicator indicator, long updates) {
        if (!indicator.isReady()) {
            throw new IllegalStateException(indicator + " is not ready: it needs " + indicator.warmUpPeriod()
                    + " updates and has had " + updates);
        }
    }
}
