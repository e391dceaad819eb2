package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CandleResamplerTest {
    private static final long MIN = 60_000;
    private static final long HOUR = 60 * MIN;
    private static final long DAY = 24 * HOUR;
    /** 2024-01-01T00:00:00Z, a Monday. */
    private static final long MONDAY = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @Nested
    class Exact_values {
        @Test
        void five_minutes_take_the_first_open_the_last_close_the_extremes_and_the_summed_volume() {
            CandleBatch fine = batch(
                    bar(MONDAY, "10.00", "12.00", "9.00", "11.00", "1.5"),
                    bar(MONDAY + MIN, "11.00", "13.00", "10.00", "12.00", "2"),
                    bar(MONDAY + 2 * MIN, "12.00", "12.00", "8.00", "9.00", "3.25"),
                    bar(MONDAY + 3 * MIN, "9.00", "10.00", "9.00", "10.00", "4"),
                    bar(MONDAY + 4 * MIN, "10.00", "11.00", "10.00", "10.50", "0.00001"));

            CandleBatch coarse = CandleResampler.of(fine, Timeframe.M1, Timeframe.M5, MONDAY + 5 * MIN).completed();

            assertThat(candles(coarse)).containsExactly(bar(MONDAY, "10.00", "13.00", "8.00", "10.50", "10.75001"));
        }

        @Test
        void fifteen_minutes_from_five_minute_candles() {
            CandleBatch fine = batch(
                    bar(MONDAY, "100.00", "101.00", "99.00", "100.50", "1"),
                    bar(MONDAY + 5 * MIN, "100.50", "104.00", "100.00", "103.00", "2"),
                    bar(MONDAY + 10 * MIN, "103.00", "103.50", "98.75", "99.00", "3"),
                    bar(MONDAY + 15 * MIN, "99.00", "99.00", "97.00", "98.00", "4"));

            CandleResampler resampler = CandleResampler.of(fine, Timeframe.M5, Timeframe.M15, MONDAY + 30 * MIN);

            assertThat(candles(resampler.completed()))
                    .containsExactly(bar(MONDAY, "100.00", "104.00", "98.75", "99.00", "6"));
            assertThat(resampler.incomplete()).containsExactly(new IncompleteBucket(MONDAY + 15 * MIN, 1, 3));
        }

        @Test
        void an_hour_of_sixty_minutes() {
            // minute i opens at 100 + i, ranges one either side, closes at 100.5 + i, volume i + 1
            List<Candle> minutes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                minutes.add(bar(MONDAY + HOUR + i * MIN, (100 + i) + ".00", (101 + i) + ".00", (99 + i) + ".00",
                        (100 + i) + ".50", Integer.toString(i + 1)));
            }

            CandleBatch coarse = CandleResampler.of(batch(minutes), Timeframe.M1, Timeframe.H1, MONDAY + 2 * HOUR)
                    .completed();

            // volume 1 + 2 + ... + 60 = 1830; high of minute 59 = 160, low of minute 0 = 99
            assertThat(candles(coarse)).containsExactly(bar(MONDAY + HOUR, "100.00", "160.00", "99.00", "159.50",
                    "1830"));
        }

        @Test
        void four_hours_and_a_day_from_hours() {
            List<Candle> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                // a dip to 50 in hour 5 and a spike to 300 in hour 17
                String low = h == 5 ? "50.00" : "99.00";
                String high = h == 17 ? "300.00" : "130.00";
                hours.add(bar(MONDAY + h * HOUR, "100.00", high, low, (100 + h) + ".00", "2"));
            }

            CandleBatch fourHours = CandleResampler.of(batch(hours), Timeframe.H1, Timeframe.H4, MONDAY + DAY)
                    .completed();
            CandleBatch day = CandleResampler.of(batch(hours), Timeframe.H1, Timeframe.D1, MONDAY + DAY).completed();

            assertThat(candles(fourHours)).containsExactly(
                    bar(MONDAY, "100.00", "130.00", "99.00", "103.00", "8"),
                    bar(MONDAY + 4 * HOUR, "100.00", "130.00", "50.00", "107.00", "8"),
                    bar(MONDAY + 8 * HOUR, "100.00", "130.00", "99.00", "111.00", "8"),
                    bar(MONDAY + 12 * HOUR, "100.00", "130.00", "99.00", "115.00", "8"),
                    bar(MONDAY + 16 * HOUR, "100.00", "300.00", "99.00", "119.00", "8"),
                    bar(MONDAY + 20 * HOUR, "100.00", "130.00", "99.00", "123.00", "8"));
            assertThat(candles(day)).containsExactly(bar(MONDAY, "100.00", "300.00", "50.00", "123.00", "48"));
        }

        @Test
        void weeks_open_on_monday_so_a_sunday_belongs_to_the_week_before() {
            List<Candle> days = new ArrayList<>();
            for (int d = -1; d < 7; d++) { // Sunday 2023-12-31 to Sunday 2024-01-07
                days.add(bar(MONDAY + d * DAY, (20 + d) + ".00", (30 + d) + ".00", (10 + d) + ".00",
                        (25 + d) + ".00", "1"));
            }

            CandleResampler resampler = CandleResampler.of(batch(days), Timeframe.D1, Timeframe.W1, MONDAY + 7 * DAY);

            assertThat(candles(resampler.completed()))
                    .containsExactly(bar(MONDAY, "20.00", "36.00", "10.00", "31.00", "7"));
            assertThat(resampler.incomplete()).containsExactly(new IncompleteBucket(MONDAY - 7 * DAY, 1, 7));
        }

        @Test
        void a_month_from_days_has_as_many_days_as_the_calendar_says() {
            long feb = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
            List<Candle> days = new ArrayList<>();
            for (int d = 0; d < 29; d++) { // 2024 is a leap year
                days.add(bar(feb + d * DAY, "10.00", "11.00", "9.00", "10.00", "1"));
            }

            CandleBatch month = CandleResampler.of(batch(days), Timeframe.D1, Timeframe.MO1, feb + 29 * DAY)
                    .completed();

            assertThat(candles(month)).containsExactly(bar(feb, "10.00", "11.00", "9.00", "10.00", "29"));
        }
    }

    @Nested
    class Incomplete_buckets {
        @Test
        void a_bucket_with_a_missing_minute_is_skipped_and_reported() {
            CandleBatch fine = batch(
                    bar(MONDAY, "10.00", "10.00", "10.00", "10.00", "1"),
                    bar(MONDAY + MIN, "10.00", "10.00", "10.00", "10.00", "1"),
                    bar(MONDAY + 3 * MIN, "10.00", "10.00", "10.00", "10.00", "1"),
                    bar(MONDAY + 4 * MIN, "10.00", "10.00", "10.00", "10.00", "1"),
                    bar(MONDAY + 5 * MIN, "10.00", "10.00", "10.00", "10.00", "1"));

            CandleResampler resampler = CandleResampler.of(fine, Timeframe.M1, Timeframe.M5, MONDAY + 10 * MIN);

            assertThat(resampler.completed().size()).isZero();
            assertThat(resampler.incomplete()).containsExactly(new IncompleteBucket(MONDAY, 4, 5),
                    new IncompleteBucket(MONDAY + 5 * MIN, 1, 5));
        }

        @Test
        void the_bucket_still_in_progress_is_not_decided_until_its_end_is_known() {
            CandleResampler resampler = new CandleResampler(Timeframe.M1, Timeframe.M5, 2, 5);
            for (int i = 0; i < 7; i++) {
                resampler.add(MONDAY + i * MIN, 1000, 1000, 1000, 1000, 1);
            }
            resampler.knownUntil(MONDAY + 7 * MIN);

            assertThat(resampler.completed().size()).isEqualTo(1);
            assertThat(resampler.incomplete()).isEmpty();
            assertThat(resampler.pending()).contains(MONDAY + 5 * MIN);

            resampler.clearDecided();
            resampler.add(MONDAY + 7 * MIN, 1000, 1000, 1000, 1000, 1);
            resampler.add(MONDAY + 8 * MIN, 1000, 1000, 1000, 1000, 1);
            resampler.add(MONDAY + 9 * MIN, 1000, 1000, 1000, 1000, 1);
            resampler.knownUntil(MONDAY + 10 * MIN);

            assertThat(resampler.completed().size()).isEqualTo(1);
            assertThat(resampler.completed().openTime(0)).isEqualTo(MONDAY + 5 * MIN);
            assertThat(resampler.completed().volume(0)).isEqualTo(5);
            assertThat(resampler.pending()).isEmpty();
        }

        @Test
        void a_bucket_without_any_candle_is_neither_made_nor_reported() {
            CandleBatch fine = batch(bar(MONDAY + 10 * MIN, "10.00", "10.00", "10.00", "10.00", "1"));
            for (int i = 11; i < 15; i++) {
                fine.accept(bar(MONDAY + i * MIN, "10.00", "10.00", "10.00", "10.00", "1"));
            }

            CandleResampler resampler = CandleResampler.of(fine, Timeframe.M1, Timeframe.M5, MONDAY + 15 * MIN);

            assertThat(resampler.completed().size()).isEqualTo(1);
            assertThat(resampler.completed().openTime(0)).isEqualTo(MONDAY + 10 * MIN);
            assertThat(resampler.incomplete()).isEmpty();
        }
    }

    @Nested
    class Refusals {
        @Test
        void candles_out_of_order_or_unaligned_are_a_caller_bug() {
            CandleResampler resampler = new CandleResampler(Timeframe.M1, Timeframe.M5, 2, 5);
            resampler.add(MONDAY + MIN, 1, 1, 1, 1, 1);

            assertThatThrownBy(() -> resampler.add(MONDAY, 1, 1, 1, 1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> resampler.add(MONDAY + 2 * MIN + 1, 1, 1, 1, 1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_timeframe_that_does_not_nest_cannot_be_resampled() {
            assertThatThrownBy(() -> new CandleResampler(Timeframe.M3, Timeframe.M5, 2, 5))
                    .hasMessageContaining("5m candles cannot be computed exactly from 3m");
        }
    }

    static Candle bar(long openTime, String open, String high, String low, String close, String volume) {
        return new Candle(openTime, Price.parse(open, 2).get(), Price.parse(high, 2).get(), Price.parse(low, 2).get(),
                Price.parse(close, 2).get(), Quantity.parse(volume, 5).get());
    }

    static CandleBatch batch(Candle... candles) {
        return batch(List.of(candles));
    }

    static CandleBatch batch(List<Candle> candles) {
        CandleBatch batch = new CandleBatch(2, 5, candles.size());
        candles.forEach(batch::accept);
        return batch;
    }

    static List<Candle> candles(CandleBatch batch) {
        List<Candle> all = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            all.add(batch.candle(i));
        }
        return all;
    }
}
