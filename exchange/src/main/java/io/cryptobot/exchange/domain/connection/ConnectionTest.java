package io.cryptobot.exchange.domain.connection;

import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The result of testing a venue connection's keys: passed when the signed account call was answered, with what the
 * key may do and the balances; failed with the venue's reason otherwise. Either way the clock check (our clock
 * against the venue's, and whether signed requests fit the venue's window) is reported when the venue's time could
 * be read, and {@link #warnings()} lists, loudest first, what the user should act on:
 * <ol>
 *   <li>withdrawals enabled on the key (the platform never withdraws; such a key only adds risk);</li>
 *   <li>a clock outside the signing window (every signed request would be refused);</li>
 *   <li>a key that cannot trade (live bots on the account would be refused);</li>
 *   <li>permissions known only from the account's flags.</li>
 * </ol>
 */
public record ConnectionTest(Venue venue, Instant testedAt, Option<ClockCheck> clock, Outcome outcome,
                             List<String> warnings) {

    public ConnectionTest {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(testedAt, "testedAt");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(warnings, "warnings");
    }

    /** The signed call was answered, or refused / not answered with the venue's reason. */
    public sealed interface Outcome {
        record Passed(AccountAccess access) implements Outcome {
            public Passed {
                Objects.requireNonNull(access, "access");
            }
        }

        record Failed(VenueFailure failure) implements Outcome {
            public Failed {
                Objects.requireNonNull(failure, "failure");
            }
        }
    }

    /** Our clock against the venue's: the skew (ahead positive), the reading's round trip, the venue's window. */
    public record ClockCheck(Duration skew, Duration roundTrip, SigningWindow window) {
        public ClockCheck {
            Objects.requireNonNull(skew, "skew");
            Objects.requireNonNull(roundTrip, "roundTrip");
            Objects.requireNonNull(window, "window");
        }

        public boolean withinWindow() {
            return window.accepts(skew);
        }
    }

    public boolean passed() {
        return outcome instanceof Outcome.Passed;
    }

    public static ConnectionTest of(Venue venue, AccountProbe probe, Instant testedAt) {
        Option<ClockCheck> clock = probe.clock().toOption()
                .map(reading -> new ClockCheck(reading.skew(), reading.roundTrip(), probe.window()));
        Outcome outcome = probe.account().fold(Outcome.Failed::new, Outcome.Passed::new);
        List<String> warnings = List.empty();
        if (outcome instanceof Outcome.Passed passed && passed.access().permissions().withdraw()) {
            warnings = warnings.append("WITHDRAWALS ARE ENABLED for this API key: whoever holds it can move the "
                    + "funds off " + venue + ". The platform never withdraws; create a key without the withdrawal "
                    + "permission and connect that one instead.");
        }
        for (ClockCheck check : clock) {
            if (!check.withinWindow()) {
                warnings = warnings.append("this machine's clock is " + seconds(check.skew().abs())
                        + (check.skew().isNegative() ? " behind " : " ahead of ") + venue + "'s; signed requests "
                        + "are refused beyond " + seconds(check.window().maxAhead()) + " ahead or "
                        + seconds(check.window().maxBehind()) + " behind: synchronise the clock (NTP).");
            }
        }
        if (outcome instanceof Outcome.Passed passed) {
            KeyPermissions permissions = passed.access().permissions();
            if (!permissions.trade()) {
                warnings = warnings.append("the key cannot trade: orders of live bots on this account would be "
                        + "refused by " + venue + ".");
            }
            if (permissions.source() == KeyPermissions.Source.ACCOUNT) {
                warnings = warnings.append(venue + " did not report the key's own restrictions here (its spot "
                        + "testnet has none), so the permissions shown are the account's.");
            }
        }
        return new ConnectionTest(venue, testedAt, clock, outcome, warnings);
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).setScale(1, RoundingMode.HALF_UP)
                .toPlainString() + " s";
    }
}
