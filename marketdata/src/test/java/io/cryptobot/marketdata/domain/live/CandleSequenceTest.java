package io.cryptobot.marketdata.domain.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.live.CandleSequence.Range;
import io.cryptobot.marketdata.domain.live.CandleSequence.Sequenced;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CandleSequenceTest {
    static final long M = 60_000L;

    static Candle at(long minute) {
        Price p = new Price(10_000 + minute, 2);
        return new Candle(minute * M, p, p, p, p, new Quantity(1, 0));
    }

    static List<Long> minutes(List<Sequenced> delivered) {
        return delivered.map(s -> s.candle().openTime() / M);
    }

    @Nested
    class Streamed {
        @Test
        void the_first_candle_goes_out_at_once_and_consecutive_ones_follow() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.none());
            sequence.received(at(10));
            sequence.received(at(11));
            assertThat(minutes(sequence.deliverable())).containsExactly(10L, 11L);
            assertThat(sequence.missing()).isEmpty();
            assertThat(sequence.last()).contains(11 * M);
        }

        @Test
        void repeats_older_candles_and_unaligned_ones_are_dropped() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.received(at(9));
            sequence.received(at(10));
            Price p = new Price(1, 2);
            sequence.received(new Candle(11 * M + 1, p, p, p, p, new Quantity(1, 0)));
            sequence.received(at(11));
            sequence.received(at(11));
            assertThat(minutes(sequence.deliverable())).containsExactly(11L);
            assertThat(sequence.held()).isZero();
        }

        @Test
        void a_candle_after_a_gap_waits_until_the_gap_is_fetched_then_goes_out_after_it() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.received(at(14));
            sequence.received(at(15));
            assertThat(sequence.deliverable()).isEmpty();
            assertThat(sequence.missing()).contains(new Range(11 * M, 14 * M));
            sequence.backfilled(new Range(11 * M, 14 * M), List.of(at(11), at(12), at(13)), true);
            List<Sequenced> out = sequence.deliverable();
            assertThat(minutes(out)).containsExactly(11L, 12L, 13L, 14L, 15L);
            assertThat(out.map(Sequenced::backfilled)).containsExactly(true, true, true, false, false);
        }
    }

    @Nested
    class Backfill {
        @Test
        void a_hole_the_venue_confirms_is_passed_over() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.received(at(20));
            sequence.backfilled(new Range(11 * M, 20 * M), List.of(at(11), at(15)), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(11L, 15L, 20L);
            assertThat(sequence.missing()).isEmpty();
        }

        @Test
        void a_candle_the_stream_reports_after_its_hole_was_passed_over_is_a_straggler_handed_out_once() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            // 12 arrives before 11; the venue has no 11 yet when asked, so 12 goes out and 11's place is passed over
            sequence.received(at(12));
            sequence.backfilled(sequence.missing().get(), List.empty(), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(12L);
            sequence.received(at(11));
            sequence.received(at(11));
            assertThat(sequence.deliverable()).isEmpty();
            assertThat(sequence.stragglers()).extracting(Candle::openTime).containsExactly(11 * M);
            assertThat(sequence.stragglers()).as("handed out once").isEmpty();
            // a repeat of a candle passed on, or of one before the sequence began, is no straggler
            sequence.received(at(12));
            sequence.received(at(9));
            assertThat(sequence.stragglers()).isEmpty();
        }

        @Test
        void stragglers_inside_a_longer_hole_are_each_handed_out_once_and_a_backfill_brings_none() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.received(at(20));
            sequence.backfilled(new Range(11 * M, 20 * M), List.of(at(15)), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(15L, 20L);
            sequence.received(at(13));
            sequence.received(at(17));
            sequence.received(at(13));
            sequence.received(at(15));
            sequence.backfilled(new Range(11 * M, 20 * M), List.of(at(12)), true);
            assertThat(sequence.stragglers()).extracting(Candle::openTime).containsExactly(13 * M, 17 * M);
        }

        @Test
        void a_full_page_is_known_only_up_to_its_last_candle_and_the_rest_is_asked_for_next() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.received(at(20));
            sequence.backfilled(new Range(11 * M, 20 * M), List.of(at(11), at(12), at(14)), false);
            assertThat(minutes(sequence.deliverable())).containsExactly(11L, 12L, 14L);
            assertThat(sequence.missing()).contains(new Range(15 * M, 20 * M));
            sequence.backfilled(new Range(15 * M, 20 * M), List.empty(), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(20L);
        }

        @Test
        void a_reconnection_asks_for_everything_closed_while_away_before_later_candles_go_out() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.reconnected(13 * M + 30_000);
            assertThat(sequence.missing()).contains(new Range(11 * M, 13 * M));
            sequence.received(at(13));
            sequence.received(at(14));
            assertThat(sequence.deliverable()).isEmpty();
            sequence.backfilled(new Range(11 * M, 13 * M), List.of(at(11), at(12)), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(11L, 12L, 13L, 14L);
            assertThat(sequence.missing()).isEmpty();
        }

        @Test
        void the_end_of_a_catch_up_the_venue_does_not_serve_yet_is_no_hole_when_nothing_later_is_known() {
            // the venue's clock (or the feed's reading of it) said minute 12 had closed well before its history served
            // it: a complete answer taken as a hole through minute 12 let minute 13, streamed next (the stream had
            // missed 12 while reconnecting), go out with 12 passed over
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.reconnected(13 * M + 30_000);
            sequence.backfilled(new Range(11 * M, 13 * M), List.of(at(11)), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(11L);
            assertThat(sequence.missing()).as("the catch-up is over for now").isEmpty();
            sequence.received(at(13));
            assertThat(sequence.deliverable()).as("13 waits for 12").isEmpty();
            assertThat(sequence.missing()).contains(new Range(12 * M, 13 * M));
            sequence.backfilled(new Range(12 * M, 13 * M), List.of(at(12)), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(12L, 13L);
        }

        @Test
        void a_hole_before_a_candle_of_the_same_answer_is_passed_over_at_the_end_of_a_catch_up() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.reconnected(15 * M + 30_000);
            sequence.backfilled(new Range(11 * M, 15 * M), List.of(at(11), at(13)), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(11L, 13L);
            assertThat(sequence.missing()).isEmpty();
            sequence.received(at(14));
            assertThat(minutes(sequence.deliverable())).containsExactly(14L);
        }

        @Test
        void a_sequence_with_nothing_passed_on_continues_after_a_given_candle() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.none());
            sequence.received(at(3));
            sequence.continueAfter(4 * M);
            assertThat(sequence.held()).as("held candles up to it dropped").isZero();
            sequence.reconnected(9 * M + 100);
            assertThat(sequence.missing()).contains(new Range(5 * M, 9 * M));
            sequence.received(at(9));
            sequence.backfilled(new Range(5 * M, 9 * M), List.of(at(5), at(6), at(7), at(8)), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(5L, 6L, 7L, 8L, 9L);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sequence.continueAfter(20 * M))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void a_reconnection_with_nothing_missed_asks_for_nothing() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.reconnected(11 * M + 5_000);
            assertThat(sequence.missing()).isEmpty();
            CandleSequence fresh = new CandleSequence(Timeframe.M1, Option.none());
            fresh.reconnected(50 * M);
            assertThat(fresh.missing()).isEmpty();
        }

        @Test
        void fetched_candles_outside_the_range_asked_for_are_ignored() {
            CandleSequence sequence = new CandleSequence(Timeframe.M1, Option.some(10 * M));
            sequence.received(at(13));
            sequence.backfilled(new Range(11 * M, 13 * M), List.of(at(9), at(11), at(12), at(30)), true);
            assertThat(minutes(sequence.deliverable())).containsExactly(11L, 12L, 13L);
        }
    }
}
