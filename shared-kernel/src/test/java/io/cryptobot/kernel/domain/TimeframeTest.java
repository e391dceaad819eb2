package io.cryptobot.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeframeTest {
    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void parses_binance_codes_and_refuses_others() {
        assertThat(Timeframe.parse("1m").get()).isEqualTo(Timeframe.M1);
        assertThat(Timeframe.parse("1M").get()).isEqualTo(Timeframe.MO1);
        assertThat(Timeframe.parse("1w").get()).isEqualTo(Timeframe.W1);
        assertThat(Timeframe.parse("7m").isEmpty()).isTrue();
    }

    @Test
    void hourly_candles_open_on_the_hour() {
        assertThat(Timeframe.H1.isAligned(at("2024-03-01T10:00:00Z"))).isTrue();
        assertThat(Timeframe.H1.isAligned(at("2024-03-01T10:01:00Z"))).isFalse();
        assertThat(Timeframe.H4.floor(at("2024-03-01T10:30:00Z"))).isEqualTo(at("2024-03-01T08:00:00Z"));
    }

    @Test
    void weekly_candles_open_on_monday_utc() {
        assertThat(Timeframe.W1.floor(at("2024-03-07T12:00:00Z"))).isEqualTo(at("2024-03-04T00:00:00Z"));
        assertThat(Timeframe.W1.next(at("2024-03-04T00:00:00Z"))).isEqualTo(at("2024-03-11T00:00:00Z"));
    }

    @Test
    void monthly_candles_follow_the_calendar() {
        assertThat(Timeframe.MO1.floor(at("2024-02-29T23:59:00Z"))).isEqualTo(at("2024-02-01T00:00:00Z"));
        assertThat(Timeframe.MO1.next(at("2024-02-01T00:00:00Z"))).isEqualTo(at("2024-03-01T00:00:00Z"));
        assertThat(Timeframe.MO1.isAligned(at("2024-02-02T00:00:00Z"))).isFalse();
    }

    @Test
    void floors_times_before_the_epoch_downwards() {
        assertThat(Timeframe.M5.floor(-1)).isEqualTo(-300_000);
    }
}
