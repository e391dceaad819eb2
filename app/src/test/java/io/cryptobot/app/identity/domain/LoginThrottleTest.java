package io.cryptobot.app.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final LoginThrottle THROTTLE = new LoginThrottle(new RateLimit(5, Duration.ofMinutes(15)),
            new RateLimit(3, MINUTE));

    /** A clock the test moves by hand. */
    private static final class FakeClock implements Clock {
        private Instant now = Instant.parse("2026-05-01T12:00:00Z");

        @Override
        public Instant now() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    @Test
    void a_window_counts_attempts_until_its_length_has_passed() {
        FakeClock clock = new FakeClock();
        AttemptWindow window = AttemptWindow.firstAt(clock.now());
        clock.advance(Duration.ofSeconds(20));
        window = window.counted(clock.now(), MINUTE);
        assertThat(window.attemptsAt(clock.now(), MINUTE)).isEqualTo(new Attempts(2, Duration.ofSeconds(40)));

        clock.advance(Duration.ofSeconds(40));
        assertThat(window.attemptsAt(clock.now(), MINUTE)).isEqualTo(Attempts.NONE);
        window = window.counted(clock.now(), MINUTE);
        assertThat(window).isEqualTo(AttemptWindow.firstAt(clock.now()));
    }

    @Test
    void the_address_limit_refuses_the_attempt_after_the_maximum_with_the_time_left() {
        assertThat(THROTTLE.admitFromAddress(new Attempts(3, Duration.ofSeconds(30))).isRight()).isTrue();
        DomainError refused = THROTTLE.admitFromAddress(new Attempts(4, Duration.ofMillis(29_001))).getLeft();
        assertThat(refused).isEqualTo(new DomainError.RateLimited("identity.login.rate_limited",
                "Too many login attempts; try again later.", 30));
    }

    @Test
    void the_account_limit_refuses_once_the_failures_reach_the_maximum() {
        assertThat(THROTTLE.admitForAccount(new Attempts(4, Duration.ofMinutes(10))).isRight()).isTrue();
        assertThat(THROTTLE.admitForAccount(new Attempts(5, Duration.ofMinutes(10))).getLeft())
                .isInstanceOf(DomainError.RateLimited.class);
    }

    @Test
    void retry_after_is_at_least_one_second() {
        DomainError.RateLimited refused = (DomainError.RateLimited) THROTTLE
                .admitFromAddress(new Attempts(9, Duration.ofMillis(1))).getLeft();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }
}
