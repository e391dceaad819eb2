package io.cryptobot.exchange.domain.venue.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** 12:00:00.000 UTC on some day: the start of a Binance weight minute. */
    static final Instant MINUTE = Instant.parse("2026-12-01T12:00:00Z");
    static final Duration SECOND = Duration.ofSeconds(1);

    static RateLimiter binance(long weightPerMinute) {
        return new RateLimiter(BinanceLimits.rest(weightPerMinute), SECOND, Duration.ofMinutes(5));
    }

    @Nested
    class Binance_request_weight {
        @Test
        void requests_pass_while_the_minute_has_weight_left_and_the_one_that_does_not_fit_waits_for_the_next_minute() {
            RateLimiter limiter = binance(50);
            for (int i = 0; i < 2; i++) {
                assertThat(limiter.acquire(BinanceLimits.exchangeInfo(), MINUTE.plusSeconds(i)).isRight()).isTrue();
            }
            assertThat(limiter.used(BinanceLimits.REQUEST_WEIGHT, MINUTE.plusSeconds(2))).isEqualTo(40);
            VenueFailure.RateLimited refused = limiter.acquire(BinanceLimits.exchangeInfo(), MINUTE.plusSeconds(15))
                    .getLeft();
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(45));
            assertThat(refused.banned()).isFalse();
            // a lighter request still fits, nothing was taken by the refused one
            assertThat(limiter.acquire(BinanceLimits.klines(), MINUTE.plusSeconds(16)).isRight()).isTrue();
            assertThat(limiter.used(BinanceLimits.REQUEST_WEIGHT, MINUTE.plusSeconds(16))).isEqualTo(42);
            assertThat(limiter.acquire(BinanceLimits.exchangeInfo(), MINUTE.plusSeconds(60)).isRight()).isTrue();
            assertThat(limiter.used(BinanceLimits.REQUEST_WEIGHT, MINUTE.plusSeconds(60))).isEqualTo(20);
        }

        @Test
        void the_venues_used_weight_header_is_adopted_when_it_is_higher_than_our_count() {
            RateLimiter limiter = binance(6000);
            limiter.acquire(BinanceLimits.klines(), MINUTE);
            limiter.observeUsed(BinanceLimits.REQUEST_WEIGHT, 5990, MINUTE.plusMillis(10));
            assertThat(limiter.acquire(BinanceLimits.exchangeInfo(), MINUTE.plusMillis(20)).getLeft().retryAfter())
                    .isEqualTo(Duration.ofMillis(59_980));
            limiter.observeUsed(BinanceLimits.REQUEST_WEIGHT, 3, MINUTE.plusMillis(30));
            assertThat(limiter.used(BinanceLimits.REQUEST_WEIGHT, MINUTE.plusMillis(30))).isEqualTo(5990);
        }

        @Test
        void a_limit_published_by_the_venue_replaces_the_default() {
            RateLimiter limiter = binance(20);
            limiter.acquire(BinanceLimits.exchangeInfo(), MINUTE);
            assertThat(limiter.acquire(BinanceLimits.serverTime(), MINUTE).isLeft()).isTrue();
            limiter.adoptLimit(BinanceLimits.REQUEST_WEIGHT, 6000);
            assertThat(limiter.limit(BinanceLimits.REQUEST_WEIGHT)).isEqualTo(6000);
            assertThat(limiter.acquire(BinanceLimits.serverTime(), MINUTE).isRight()).isTrue();
        }

        @Test
        void the_weights_are_the_documented_ones() {
            assertThat(BinanceLimits.serverTime().unitsOf(BinanceLimits.REQUEST_WEIGHT)).isEqualTo(1);
            assertThat(BinanceLimits.exchangeInfo().unitsOf(BinanceLimits.REQUEST_WEIGHT)).isEqualTo(20);
            assertThat(BinanceLimits.klines().unitsOf(BinanceLimits.REQUEST_WEIGHT)).isEqualTo(2);
            assertThat(BinanceLimits.account().unitsOf(BinanceLimits.REQUEST_WEIGHT)).isEqualTo(20);
            assertThat(BinanceLimits.klines().unitsOf(BinanceLimits.RAW_REQUESTS)).isEqualTo(1);
        }
    }

    @Nested
    class Refusals_from_the_venue {
        @Test
        void a_429_closes_the_gate_for_retry_after_and_nothing_passes_meanwhile() {
            RateLimiter limiter = binance(6000);
            VenueFailure.RateLimited gate = limiter.throttled(Option.some(Duration.ofSeconds(30)), false, MINUTE);
            assertThat(gate.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            VenueFailure.RateLimited next = limiter.acquire(BinanceLimits.serverTime(), MINUTE.plusSeconds(10))
                    .getLeft();
            assertThat(next.retryAfter()).isEqualTo(Duration.ofSeconds(20));
            assertThat(limiter.used(BinanceLimits.REQUEST_WEIGHT, MINUTE.plusSeconds(10))).isZero();
            assertThat(limiter.acquire(BinanceLimits.serverTime(), MINUTE.plusSeconds(30)).isRight()).isTrue();
        }

        @Test
        void a_418_ban_is_reported_as_banned_until_the_gate_opens() {
            RateLimiter limiter = binance(6000);
            assertThat(limiter.throttled(Option.some(Duration.ofMinutes(2)), true, MINUTE).banned()).isTrue();
            assertThat(limiter.acquire(BinanceLimits.klines(), MINUTE.plusSeconds(119)).getLeft().banned()).isTrue();
            assertThat(limiter.acquire(BinanceLimits.klines(), MINUTE.plusSeconds(120)).isRight()).isTrue();
        }

        @Test
        void without_retry_after_consecutive_refusals_back_off_doubling_up_to_the_maximum() {
            RateLimiter limiter = new RateLimiter(OkxLimits.rest(), SECOND, Duration.ofSeconds(10));
            Instant now = MINUTE;
            List<Long> waits = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                waits.add(limiter.throttled(Option.none(), false, now).retryAfter().toSeconds());
                now = now.plus(limiter.acquire(OkxLimits.request(OkxLimits.TIME), now).getLeft().retryAfter());
            }
            assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
        }

        @Test
        void a_retry_after_of_zero_still_backs_off_and_a_success_starts_the_backoff_over() {
            RateLimiter limiter = binance(6000);
            assertThat(limiter.throttled(Option.some(Duration.ZERO), false, MINUTE).retryAfter()).isEqualTo(SECOND);
            assertThat(limiter.throttled(Option.some(Duration.ZERO), false, MINUTE.plusSeconds(1)).retryAfter())
                    .isEqualTo(Duration.ofSeconds(2));
            limiter.succeeded();
            assertThat(limiter.throttled(Option.some(Duration.ZERO), false, MINUTE.plusSeconds(5)).retryAfter())
                    .isEqualTo(SECOND);
        }
    }

    @Nested
    class Okx_sliding_windows {
        @Test
        void an_endpoint_takes_at_most_its_limit_in_any_two_seconds_and_frees_each_request_two_seconds_after_it() {
            RateLimiter limiter = new RateLimiter(OkxLimits.rest(), SECOND, Duration.ofMinutes(1));
            RequestCost time = OkxLimits.request(OkxLimits.TIME);
            for (int i = 0; i < 10; i++) {
                assertThat(limiter.acquire(time, MINUTE.plusMillis(100L * i)).isRight()).isTrue();
            }
            // the 11th within two seconds waits until the first is two seconds old
            assertThat(limiter.acquire(time, MINUTE.plusMillis(1500)).getLeft().retryAfter())
                    .isEqualTo(Duration.ofMillis(500));
            assertThat(limiter.acquire(time, MINUTE.plusMillis(2000)).isRight()).isTrue();
            // other endpoints have their own budgets
            assertThat(limiter.acquire(OkxLimits.request(OkxLimits.HISTORY_CANDLES), MINUTE.plusMillis(2000))
                    .isRight()).isTrue();
        }

        @Test
        void a_fixed_window_would_let_twice_the_limit_through_around_a_boundary_a_sliding_one_does_not() {
            RateLimiter limiter = new RateLimiter(OkxLimits.rest(), SECOND, Duration.ofMinutes(1));
            RequestCost config = OkxLimits.request(OkxLimits.ACCOUNT_CONFIG);
            Instant late = MINUTE.plusMillis(1900);
            for (int i = 0; i < 5; i++) {
                assertThat(limiter.acquire(config, late).isRight()).isTrue();
            }
            assertThat(limiter.acquire(config, MINUTE.plusMillis(2100)).isLeft()).isTrue();
            assertThat(limiter.acquire(config, late.plusSeconds(2)).isRight()).isTrue();
        }
    }

    @Test
    void a_cost_naming_no_budget_or_exceeding_one_is_a_bug() {
        RateLimiter limiter = binance(10);
        assertThatThrownBy(() -> limiter.acquire(RequestCost.of("x", "NOPE", 1), MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.acquire(BinanceLimits.exchangeInfo(), MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
