package io.cryptobot.exchange.domain.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConnectionTestTest {
    static final Venue BINANCE = new Venue("BINANCE");
    static final Instant T = Instant.parse("2026-12-01T12:00:00Z");
    static final SigningWindow WINDOW = SigningWindow.binance(Duration.ofSeconds(5));

    static ClockReading reading(long skewMillis, long roundTripMillis) {
        Instant sent = T;
        Instant received = T.plusMillis(roundTripMillis);
        Instant venue = T.plusMillis(roundTripMillis / 2 - skewMillis);
        return new ClockReading(sent, venue, received);
    }

    static AccountAccess access(boolean trade, boolean withdraw, KeyPermissions.Source source) {
        return new AccountAccess(new KeyPermissions(true, trade, withdraw, source),
                List.of(new VenueBalance("USDT", new BigDecimal("100"), BigDecimal.ZERO),
                        new VenueBalance("BTC", new BigDecimal("0.5"), new BigDecimal("0.1")),
                        new VenueBalance("ETH", BigDecimal.ZERO, BigDecimal.ZERO)), Duration.ofMillis(40));
    }

    @Nested
    class Clock {
        @Test
        void skew_is_measured_at_the_midpoint_of_the_round_trip() {
            ClockReading reading = new ClockReading(T, T.plusMillis(1050), T.plusMillis(100));
            assertThat(reading.roundTrip()).isEqualTo(Duration.ofMillis(100));
            assertThat(reading.skew()).isEqualTo(Duration.ofMillis(-1000));
        }

        @Test
        void binance_accepts_less_than_one_second_ahead_and_up_to_the_receive_window_behind() {
            assertThat(WINDOW.accepts(Duration.ofMillis(999))).isTrue();
            assertThat(WINDOW.accepts(Duration.ofMillis(1000))).isFalse();
            assertThat(WINDOW.accepts(Duration.ofMillis(-5000))).isTrue();
            assertThat(WINDOW.accepts(Duration.ofMillis(-5001))).isFalse();
            assertThat(SigningWindow.okx().accepts(Duration.ofSeconds(-29))).isTrue();
            assertThat(SigningWindow.okx().accepts(Duration.ofSeconds(31))).isFalse();
        }
    }

    @Test
    void a_passed_test_reports_permissions_non_zero_balances_by_asset_and_the_clock_without_warnings() {
        ConnectionTest test = ConnectionTest.of(BINANCE, new AccountProbe(Either.right(reading(120, 30)), WINDOW,
                Either.right(access(true, false, KeyPermissions.Source.KEY))), T);
        assertThat(test.passed()).isTrue();
        AccountAccess access = ((ConnectionTest.Outcome.Passed) test.outcome()).access();
        assertThat(access.balances().map(VenueBalance::asset)).containsExactly("BTC", "USDT");
        assertThat(test.clock().get().skew()).isEqualTo(Duration.ofMillis(120));
        assertThat(test.clock().get().withinWindow()).isTrue();
        assertThat(test.warnings()).isEmpty();
    }

    @Test
    void withdrawal_permission_is_the_first_and_loudest_warning() {
        ConnectionTest test = ConnectionTest.of(BINANCE, new AccountProbe(Either.right(reading(0, 10)), WINDOW,
                Either.right(access(false, true, KeyPermissions.Source.KEY))), T);
        assertThat(test.passed()).isTrue();
        assertThat(test.warnings()).hasSize(2);
        assertThat(test.warnings().head()).startsWith("WITHDRAWALS ARE ENABLED");
        assertThat(test.warnings().get(1)).startsWith("the key cannot trade");
    }

    @Test
    void a_refused_call_with_a_skewed_clock_says_how_far_and_which_way() {
        VenueFailure refused = new VenueFailure.Unauthorized("-1021",
                "Timestamp for this request was 1000ms ahead of the server's time.");
        ConnectionTest test = ConnectionTest.of(BINANCE, new AccountProbe(Either.right(reading(3_250, 20)), WINDOW,
                Either.left(refused)), T);
        assertThat(test.passed()).isFalse();
        assertThat(((ConnectionTest.Outcome.Failed) test.outcome()).failure()).isEqualTo(refused);
        assertThat(test.clock().get().withinWindow()).isFalse();
        assertThat(test.warnings()).singleElement().asString()
                .contains("3.3 s ahead of BINANCE's").contains("1.0 s ahead or 5.0 s behind");
    }

    @Test
    void permissions_known_only_from_the_account_say_so() {
        ConnectionTest test = ConnectionTest.of(BINANCE, new AccountProbe(Either.right(reading(0, 10)), WINDOW,
                Either.right(access(true, false, KeyPermissions.Source.ACCOUNT))), T);
        assertThat(test.warnings()).singleElement().asString().contains("the permissions shown are the account's");
    }

    @Test
    void an_unreadable_venue_clock_leaves_the_clock_check_out() {
        ConnectionTest test = ConnectionTest.of(BINANCE, new AccountProbe(
                Either.left(new VenueFailure.Unavailable("connection refused")), WINDOW,
                Either.left(new VenueFailure.Unavailable("connection refused"))), T);
        assertThat(test.clock().isEmpty()).isTrue();
        assertThat(test.passed()).isFalse();
    }
}
