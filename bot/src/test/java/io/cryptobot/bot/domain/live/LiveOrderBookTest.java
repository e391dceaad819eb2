package io.cryptobot.bot.domain.live;

import static io.cryptobot.bot.domain.live.LiveFixtures.BTC;
import static io.cryptobot.bot.domain.live.LiveFixtures.ETH;
import static io.cryptobot.bot.domain.live.LiveFixtures.execution;
import static io.cryptobot.bot.domain.live.LiveFixtures.fillUpdate;
import static io.cryptobot.bot.domain.live.LiveFixtures.limitBuy;
import static io.cryptobot.bot.domain.live.LiveFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueOrderState.Status;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.execution.VenueTrading.CancelAnswer;
import io.cryptobot.kernel.domain.execution.VenueTrading.PlaceAnswer;
import io.cryptobot.kernel.domain.execution.VenueUpdate;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LiveOrderBookTest {
    private final LiveOrderBook book = new LiveOrderBook();
    private final VenueOrder order = limitBuy("c1");

    @BeforeEach
    void reconciled() {
        book.reconciled(true, "");
    }

    private static List<String> kinds(List<VenueReport> reports) {
        return reports.stream().map(r -> r instanceof VenueReport.Filled f ? "Filled " + f.tradeId()
                : r.getClass().getSimpleName()).toList();
    }

    @Nested
    class Admission {
        @Test
        void an_order_waits_for_the_account_to_be_reconciled() {
            LiveOrderBook fresh = new LiveOrderBook();
            Option<LiveOrderBook.Refusal> refused = fresh.admit(order, 1);
            assertThat(refused.get().rule()).isEqualTo("venue_not_reconciled");
            assertThat(fresh.open()).isEmpty();
        }

        @Test
        void an_unknown_placement_blocks_its_instrument_and_only_its_instrument() {
            book.admit(order, 1);
            book.placed("c1", new PlaceAnswer.Unknown(new VenueFailure.Unavailable("timeout")), 2);
            Option<LiveOrderBook.Refusal> second = book.admit(limitBuy("c2"), 3);
            assertThat(second.get().rule()).isEqualTo("venue_outcome_unknown");
            assertThat(second.get().report().reason()).contains("c1").contains("timeout");
            assertThat(book.admit(limitBuy("c3", ETH, "1.000"), 4)).isEmpty();
            assertThat(book.needsQuery()).extracting(VenueOrder::clientOrderId).containsExactly("c1");
        }

        @Test
        void ended_orders_leave_the_checks_before_a_send_but_are_still_known() {
            for (int i = 0; i < 300; i++) {
                VenueOrder filled = limitBuy("f" + i);
                assertThat(book.admit(filled, i)).isEmpty();
                book.placed(filled.clientOrderId(), new PlaceAnswer.Accepted(state(filled, "0", Status.NEW, i)), i);
                assertThat(kinds(book.executions(List.of(execution(filled, "t" + i, "1.000", i)), i).reports()))
                        .containsExactly("Filled t" + i);
            }
            book.refuse(limitBuy("r1"), "venue_filters", "lot size", 300);
            book.admit(order, 301);
            book.placed("c1", new PlaceAnswer.Unknown(new VenueFailure.Unavailable("timeout")), 302);
            VenueOrder eth = limitBuy("e1", ETH, "1.000");
            assertThat(book.admit(eth, 303)).isEmpty();
            assertThat(book.open()).extracting(VenueOrder::clientOrderId).containsExactly("c1", "e1");
            assertThat(book.needsQuery()).extracting(VenueOrder::clientOrderId).containsExactly("c1");
            assertThat(book.admit(limitBuy("c2"), 304).get().rule()).isEqualTo("venue_outcome_unknown");
            assertThat(book.knows("f0")).isTrue();
            assertThat(book.unresolved("f0")).isEqualTo(LiveOrderBook.Unresolved.NONE);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> book.admit(limitBuy("f7"), 305))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(book.placed("f3", new PlaceAnswer.Accepted(state(limitBuy("f3"), "0", Status.NEW, 306)), 306))
                    .isEmpty();
        }

        @Test
        void the_block_lifts_once_a_query_finds_the_order() {
            book.admit(order, 1);
            book.placed("c1", new PlaceAnswer.Unknown(new VenueFailure.Unavailable("timeout")), 2);
            List<VenueReport> found = book.queried("c1", Option.some(state(order, "0", Status.NEW, 2)), 5);
            assertThat(kinds(found)).containsExactly("Accepted");
            assertThat(book.blocked(BTC)).isFalse();
            assertThat(book.admit(limitBuy("c2"), 6)).isEmpty();
        }
    }

    @Nested
    class PossiblySentAfterARestart {
        // the default receive window: 10 000 ms
        private final LiveOrderBook restarted = new LiveOrderBook();

        @Test
        void found_on_the_venue_it_is_adopted_in_the_venues_state_and_never_released_to_be_sent() {
            restarted.admitPossiblySent(order, 1_000);
            assertThat(restarted.blocked(BTC)).isTrue();
            List<VenueReport> found = restarted.queried("c1", Option.some(state(order, "0", Status.NEW, 900)), 1_010);
            assertThat(kinds(found)).containsExactly("Accepted");
            assertThat(restarted.blocked(BTC)).isFalse();
            assertThat(restarted.released("c1", 20_000)).isEmpty();
        }

        @Test
        void absent_twice_inside_the_window_it_waits_and_once_past_it_is_released_once_without_a_rejection() {
            restarted.admitPossiblySent(order, 1_000);
            assertThat(restarted.queried("c1", Option.none(), 1_100)).isEmpty();
            assertThat(restarted.queried("c1", Option.none(), 10_999)).isEmpty();
            assertThat(restarted.released("c1", 10_999)).as("1 ms short of the window").isEmpty();
            assertThat(restarted.blocked(BTC)).isTrue();
            assertThat(restarted.queried("c1", Option.none(), 11_000)).as("no rejection: it is to be sent").isEmpty();
            assertThat(restarted.blocked(BTC)).isFalse();
            // released; the account not reconciled yet: it waits for the reconciliation, a bounded time (60 s), and is
            // then refused like any new order, once
            assertThat(restarted.released("c1", 11_000)).isEmpty();
            assertThat(restarted.releasing()).extracting(VenueOrder::clientOrderId).containsExactly("c1");
            assertThat(restarted.released("c1", 70_999)).as("1 ms short of the wait's bound").isEmpty();
            assertThat(restarted.released("c1", 71_000).get().get().rule()).isEqualTo("venue_not_reconciled");
            assertThat(restarted.released("c1", 71_001)).isEmpty();
            assertThat(restarted.releasing()).isEmpty();
        }

        @Test
        void released_while_the_account_is_being_reconciled_it_waits_and_passes_once_the_reconciliation_ends() {
            restarted.reconciled(true, "");
            restarted.admitPossiblySent(order, 1_000);
            restarted.queried("c1", Option.none(), 1_100);
            // the stream dropped and came back: a reconciliation runs while the lookup concludes
            restarted.reconciled(false, "the account is being reconciled with the venue");
            restarted.queried("c1", Option.none(), 11_000);
            assertThat(restarted.released("c1", 11_000)).as("not refused: waiting for the reconciliation").isEmpty();
            assertThat(restarted.released("c1", 12_000)).isEmpty();
            restarted.reconciled(true, "");
            assertThat(restarted.released("c1", 12_500)).contains(Option.none());
            assertThat(kinds(restarted.placed("c1", new PlaceAnswer.Accepted(state(order, "0", Status.NEW, 12_600)),
                    12_600))).containsExactly("Accepted");
        }

        @Test
        void decided_before_the_restart_its_trades_are_read_from_that_decision_and_the_window_counts_from_now() {
            // decided (and maybe sent, and filled) at 1 000 by the previous process; decided again at 50 000
            restarted.admitPossiblySent(order, 1_000, 50_000);
            List<VenueReport> found = restarted.queried("c1", Option.some(state(order, "1.000", Status.FILLED, 900)),
                    50_010);
            assertThat(kinds(found)).containsExactly("Accepted");
            assertThat(restarted.gaps()).singleElement().satisfies(g -> assertThat(g.since())
                    .as("the trade history read from the first decision, not the rebuild").isEqualTo(1_000));
            assertThat(restarted.submittedAt("c1")).isEqualTo(1_000);
        }

        @Test
        void decided_before_the_restart_and_absent_it_waits_the_receive_window_from_the_restart() {
            restarted.admitPossiblySent(order, 1_000, 50_000);
            assertThat(restarted.queried("c1", Option.none(), 50_100)).isEmpty();
            assertThat(restarted.queried("c1", Option.none(), 59_999)).isEmpty();
            assertThat(restarted.released("c1", 59_999)).as("the previous process's request may still arrive")
                    .isEmpty();
            restarted.queried("c1", Option.none(), 60_000);
            restarted.reconciled(true, "");
            assertThat(restarted.released("c1", 60_000)).contains(Option.none());
        }

        @Test
        void tracked_again_by_a_rebuild_an_unanswered_order_keeps_its_journal_time_for_its_trades() {
            LiveOrderBook rebuilt = new LiveOrderBook();
            rebuilt.track(order, 1_000, 50_000);
            assertThat(rebuilt.unanswered()).extracting(VenueOrder::clientOrderId).containsExactly("c1");
            assertThat(rebuilt.queried("c1", Option.none(), 50_100)).isEmpty();
            assertThat(rebuilt.queried("c1", Option.none(), 59_999)).as("inside the window since the rebuild")
                    .isEmpty();
            assertThat(kinds(rebuilt.queried("c1", Option.some(state(order, "0.400", Status.PARTIALLY_FILLED, 900)),
                    60_100))).containsExactly("Accepted");
            assertThat(rebuilt.gaps()).singleElement().satisfies(g -> assertThat(g.since()).isEqualTo(1_000));
        }

        @Test
        void released_on_a_reconciled_account_it_passes_admission_and_is_sent() {
            restarted.reconciled(true, "");
            restarted.admitPossiblySent(order, 1_000);
            restarted.queried("c1", Option.none(), 11_000);
            restarted.queried("c1", Option.none(), 11_001);
            assertThat(restarted.released("c1", 11_001)).contains(Option.none());
            assertThat(kinds(restarted.placed("c1", new PlaceAnswer.Accepted(state(order, "0", Status.NEW, 11_002)),
                    11_002))).containsExactly("Accepted");
        }
    }

    @Nested
    class SeveralDecidedAgainOnOneInstrument {
        private final LiveOrderBook restarted = new LiveOrderBook();
        private final VenueOrder second = limitBuy("c2");

        @Test
        void one_found_absent_first_waits_for_its_sibling_instead_of_being_refused_then_both_are_sent() {
            restarted.reconciled(true, "");
            restarted.admitPossiblySent(order, 1_000);
            restarted.admitPossiblySent(second, 1_000);
            restarted.queried("c1", Option.none(), 11_000);
            restarted.queried("c1", Option.none(), 11_001);
            assertThat(restarted.releasing()).extracting(VenueOrder::clientOrderId).containsExactly("c1");
            assertThat(restarted.released("c1", 11_001)).as("c2 is still being asked for: c1 waits").isEmpty();
            assertThat(restarted.blocked(BTC)).as("new orders still wait for c2").isTrue();
            restarted.queried("c2", Option.none(), 11_002);
            restarted.queried("c2", Option.none(), 11_003);
            assertThat(restarted.releasing()).extracting(VenueOrder::clientOrderId).containsExactly("c1", "c2");
            assertThat(restarted.released("c1", 11_003)).contains(Option.none());
            assertThat(restarted.released("c2", 11_003)).contains(Option.none());
            assertThat(restarted.releasing()).isEmpty();
            assertThat(restarted.blocked(BTC)).isFalse();
        }

        @Test
        void a_sibling_found_on_the_venue_lets_the_waiting_one_go_and_another_instrument_never_holds_it() {
            restarted.reconciled(true, "");
            restarted.admitPossiblySent(order, 1_000);
            restarted.admitPossiblySent(second, 1_000);
            restarted.admitPossiblySent(limitBuy("e1", ETH, "1.000"), 1_000);
            restarted.queried("c1", Option.none(), 11_000);
            restarted.queried("c1", Option.none(), 11_001);
            assertThat(restarted.released("c1", 11_001)).isEmpty();
            assertThat(kinds(restarted.queried("c2", Option.some(state(second, "0", Status.NEW, 900)), 11_002)))
                    .containsExactly("Accepted");
            assertThat(restarted.released("c1", 11_002)).as("ETH's lookup does not hold a BTC order")
                    .contains(Option.none());
            assertThat(restarted.blocked(ETH)).isTrue();
        }
    }

    @Nested
    class UnknownOutcomes {
        @Test
        void a_placement_not_found_twice_never_reached_the_venue() {
            book.admit(order, 1);
            book.placed("c1", new PlaceAnswer.Unknown(new VenueFailure.Unavailable("connection reset")), 2);
            assertThat(book.queried("c1", Option.none(), 3)).isEmpty();
            assertThat(book.blocked(BTC)).isTrue();
            // inside the receive window the request may still arrive: no conclusion however often it is not found
            assertThat(book.queried("c1", Option.none(), 5_000)).isEmpty();
            assertThat(book.blocked(BTC)).isTrue();
            List<VenueReport> concluded = book.queried("c1", Option.none(), 1 + LiveOrderBook.DEFAULT_RECEIVE_WINDOW_MILLIS);
            assertThat(kinds(concluded)).containsExactly("Rejected");
            assertThat(((VenueReport.Rejected) concluded.get(0)).reason()).contains("never reached the venue");
            assertThat(book.blocked(BTC)).isFalse();
        }

        @Test
        void a_placement_that_reached_the_venue_and_filled_is_accepted_and_its_fills_read_from_history() {
            book.admit(order, 1);
            book.placed("c1", new PlaceAnswer.Unknown(new VenueFailure.Unavailable("timeout")), 2);
            List<VenueReport> found = book.queried("c1", Option.some(state(order, "1.000", Status.FILLED, 2)), 3);
            assertThat(kinds(found)).containsExactly("Accepted");
            assertThat(book.gaps()).singleElement().satisfies(g -> assertThat(g.missing()).isEqualByComparingTo("1"));
            LiveOrderBook.Applied applied = book.executions(List.of(execution(order, "t1", "0.400", 2),
                    execution(order, "t2", "0.600", 2)), 4);
            assertThat(kinds(applied.reports())).containsExactly("Filled t1", "Filled t2");
            assertThat(book.gaps()).isEmpty();
            assertThat(book.open()).isEmpty();
        }

        @Test
        void after_a_rebuild_an_order_sent_without_a_journaled_answer_is_unresolved_until_the_venue_says() {
            LiveOrderBook rebuilt = new LiveOrderBook();
            rebuilt.track(order, 1);
            VenueOrder answered = limitBuy("c2", ETH, "1.000");
            rebuilt.track(answered, 1);
            rebuilt.replayed(new VenueReport.Accepted("c2", "v-c2", 1));
            assertThat(rebuilt.unanswered()).extracting(VenueOrder::clientOrderId).containsExactly("c1");
            assertThat(rebuilt.blocked(BTC)).isTrue();
            assertThat(rebuilt.blocked(ETH)).isFalse();
            assertThat(kinds(rebuilt.queried("c1", Option.some(state(order, "0", Status.NEW, 2)), 3)))
                    .containsExactly("Accepted");
            assertThat(rebuilt.blocked(BTC)).isFalse();
        }

        @Test
        void a_cancel_without_an_answer_blocks_until_the_query_says_canceled() {
            book.admit(order, 1);
            book.placed("c1", new PlaceAnswer.Accepted(state(order, "0", Status.NEW, 1)), 1);
            assertThat(book.cancelAnswered("c1", new CancelAnswer.Unknown(new VenueFailure.Unavailable("HTTP 503")),
                    2)).isEmpty();
            assertThat(book.blocked(BTC)).isTrue();
            List<VenueReport> after = book.queried("c1", Option.some(state(order, "0", Status.CANCELED, 2)), 3);
            assertThat(kinds(after)).containsExactly("Canceled");
            assertThat(book.blocked(BTC)).isFalse();
        }

        @Test
        void a_placement_the_venue_provably_did_not_process_is_rejected_at_once() {
            book.admit(order, 1);
            List<VenueReport> out = book.placed("c1",
                    new PlaceAnswer.NotSent(new VenueFailure.RateLimited(Duration.ofSeconds(3), false)), 2);
            assertThat(kinds(out)).containsExactly("Rejected");
            assertThat(((VenueReport.Rejected) out.get(0)).reason()).contains("rate limited");
            assertThat(book.blocked(BTC)).isFalse();
        }
    }

    @Nested
    class StreamedReports {
        @Test
        void a_duplicated_fill_is_reported_once() {
            book.admit(order, 1);
            VenueUpdate fill = fillUpdate(order, "t1", "0.400", "0.400", 5);
            assertThat(kinds(book.updated(fill, 5))).containsExactly("Accepted", "Filled t1");
            assertThat(book.updated(fill, 6)).isEmpty();
            assertThat(book.executions(List.of(execution(order, "t1", "0.400", 5)), 7).reports()).isEmpty();
        }

        @Test
        void fills_out_of_order_are_each_reported_and_the_older_state_is_ignored() {
            book.admit(order, 1);
            book.placed("c1", new PlaceAnswer.Accepted(state(order, "0", Status.NEW, 1)), 1);
            List<VenueReport> later = book.updated(fillUpdate(order, "t2", "0.600", "1.000", 6), 6);
            assertThat(kinds(later)).containsExactly("Filled t2");
            assertThat(book.gaps()).isNotEmpty();
            List<VenueReport> earlier = book.updated(fillUpdate(order, "t1", "0.400", "0.400", 5), 7);
            assertThat(kinds(earlier)).containsExactly("Filled t1");
            assertThat(book.open()).isEmpty();
        }

        @Test
        void a_cancel_seen_before_the_fill_it_follows_waits_for_that_fill() {
            book.admit(order, 1);
            book.placed("c1", new PlaceAnswer.Accepted(state(order, "0", Status.NEW, 1)), 1);
            VenueUpdate canceled = new VenueUpdate(new VenueReport.Canceled("c1", "canceled by user", 8),
                    state(order, "0.400", Status.CANCELED, 8));
            assertThat(book.updated(canceled, 8)).isEmpty();
            assertThat(book.gaps()).singleElement().satisfies(g -> assertThat(g.missing()).isEqualByComparingTo("0.4"));
            List<VenueReport> fill = book.updated(fillUpdate(order, "t1", "0.400", "0.400", 5), 9);
            assertThat(kinds(fill)).containsExactly("Filled t1", "Canceled");
            assertThat(book.updated(canceled, 10)).isEmpty();
        }

        @Test
        void a_stale_open_state_after_the_end_changes_nothing() {
            book.admit(order, 1);
            book.updated(new VenueUpdate(new VenueReport.Accepted("c1", "v-c1", 2), state(order, "0", Status.NEW, 2)),
                    2);
            assertThat(kinds(book.updated(new VenueUpdate(new VenueReport.Expired("c1", 3),
                    state(order, "0", Status.EXPIRED, 3)), 3))).containsExactly("Expired");
            assertThat(book.updated(new VenueUpdate(new VenueReport.Accepted("c1", "v-c1", 2),
                    state(order, "0", Status.NEW, 2)), 4)).isEmpty();
            assertThat(book.placed("c1", new PlaceAnswer.Accepted(state(order, "0", Status.NEW, 1)), 5)).isEmpty();
        }

        @Test
        void a_venue_rejection_after_nothing_else_rejects_with_the_venues_reason() {
            book.admit(order, 1);
            List<VenueReport> out = book.placed("c1", new PlaceAnswer.Rejected("-2010",
                    "Account has insufficient balance"), 2);
            assertThat(kinds(out)).containsExactly("Rejected");
            assertThat(((VenueReport.Rejected) out.get(0)).reason()).isEqualTo("-2010: Account has insufficient balance");
        }

        @Test
        void any_permutation_of_duplicated_reports_gives_each_fill_once_and_one_end_last() {
            List<VenueUpdate> updates = List.of(
                    new VenueUpdate(new VenueReport.Accepted("c1", "v-c1", 1), state(order, "0", Status.NEW, 1)),
                    fillUpdate(order, "t1", "0.200", "0.200", 2),
                    fillUpdate(order, "t2", "0.300", "0.500", 3),
                    new VenueUpdate(new VenueReport.Canceled("c1", "canceled by user", 4),
                            state(order, "0.500", Status.CANCELED, 4)));
            java.util.Random random = new java.util.Random(42);
            for (int round = 0; round < 500; round++) {
                LiveOrderBook fresh = new LiveOrderBook();
                fresh.reconciled(true, "");
                fresh.admit(order, 0);
                List<VenueUpdate> shuffled = new ArrayList<>(updates);
                shuffled.addAll(updates.subList(0, 1 + random.nextInt(updates.size())));
                java.util.Collections.shuffle(shuffled, random);
                List<String> out = new ArrayList<>();
                for (VenueUpdate u : shuffled) {
                    out.addAll(kinds(fresh.updated(u, 9)));
                }
                assertThat(out).as("round %d: %s", round, out).hasSize(4).startsWith("Accepted").endsWith("Canceled")
                        .containsOnlyOnce("Filled t1", "Filled t2");
            }
        }
    }

    @Nested
    class Retention {
        /** Keeps at least 100 ended orders, each at least 1 000 ms after it ended. */
        private final LiveOrderBook kept = new LiveOrderBook(LiveOrderBook.DEFAULT_RECEIVE_WINDOW_MILLIS,
                new LiveOrderBook.Retention(100, 1_000, 60_000));

        /** Order {@code i}: admitted at {@code 10 i}, accepted, filled by trade {@code t<i>} at its time. */
        private VenueOrder filledAt(int i) {
            VenueOrder o = limitBuy("f" + i);
            long at = 10L * i;
            assertThat(kept.admit(o, at)).isEmpty();
            kept.placed(o.clientOrderId(), new PlaceAnswer.Accepted(state(o, "0", Status.NEW, at)), at);
            assertThat(kinds(kept.updated(fillUpdate(o, "t" + i, "1.000", "1.000", at), at)))
                    .containsExactly("Filled t" + i);
            return o;
        }

        @Test
        void a_long_run_keeps_the_ended_orders_bounded_by_count_and_age_and_every_open_one() {
            kept.reconciled(true, "");
            VenueOrder resting = limitBuy("rest");
            kept.admit(resting, 0);
            kept.placed("rest", new PlaceAnswer.Accepted(state(resting, "0", Status.NEW, 0)), 0);
            for (int i = 0; i < 20_000; i++) {
                filledAt(i);
                // ended orders of the last 1 000 ms (100 at 10 ms apart) or the last 100, and the open one
                assertThat(kept.size()).isLessThanOrEqualTo(100 + 100 + 2);
            }
            assertThat(kept.knows("rest")).as("an open order is never forgotten").isTrue();
            assertThat(kept.open()).extracting(VenueOrder::clientOrderId).containsExactly("rest");
            assertThat(kept.knows("f19999")).isTrue();
            assertThat(kept.knows("f0")).isFalse();
        }

        @Test
        void a_late_duplicate_fill_of_a_forgotten_order_reports_nothing_and_adopts_nothing() {
            kept.reconciled(true, "");
            VenueOrder first = filledAt(0);
            for (int i = 1; i < 1_000; i++) {
                filledAt(i);
            }
            assertThat(kept.knows("f0")).isFalse();
            long now = 10_000;
            // the stream repeats the old fill, a query answers its old state, the trade history lists its trade
            assertThat(kept.updated(fillUpdate(first, "t0", "1.000", "1.000", 0), now)).isEmpty();
            assertThat(kept.queried("f0", Option.some(state(first, "1.000", Status.FILLED, 0)), now)).isEmpty();
            assertThat(kept.placed("f0", new PlaceAnswer.Accepted(state(first, "1.000", Status.FILLED, 0)), now))
                    .isEmpty();
            LiveOrderBook.Applied applied = kept.executions(List.of(execution(first, "t0", "1.000", 0)), now);
            assertThat(applied.reports()).as("never booked again").isEmpty();
            assertThat(applied.foreign()).as("never adopted as an order of the book").hasSize(1);
            assertThat(kept.knows("f0")).isFalse();
            assertThat(kept.open()).isEmpty();
            assertThat(kept.gaps()).isEmpty();
        }

        @Test
        void the_order_holding_the_latest_fill_is_kept_however_many_end_after_it() {
            kept.reconciled(true, "");
            VenueOrder last = filledAt(0);
            // thousands refused afterwards, none filled: reconciliation reads trades from the latest fill's time on
            for (int i = 1; i < 5_000; i++) {
                kept.refuse(limitBuy("r" + i), "venue_filters", "lot size", 10L * i);
            }
            assertThat(kept.knows(last.clientOrderId())).isTrue();
            assertThat(kept.knows("r1")).isFalse();
            assertThat(kept.size()).isLessThanOrEqualTo(100 + 100 + 1);
            assertThat(kept.executions(List.of(execution(last, "t0", "1.000", 0)), 50_000).foreign())
                    .as("its trade, read again from its time, is known and not foreign").isEmpty();
        }

        @Test
        void a_rebuild_replaying_a_long_journal_forgets_as_the_live_book_did() {
            LiveOrderBook rebuilt = new LiveOrderBook(LiveOrderBook.DEFAULT_RECEIVE_WINDOW_MILLIS,
                    new LiveOrderBook.Retention(100, 1_000, 60_000));
            for (int i = 0; i < 5_000; i++) {
                VenueOrder o = limitBuy("f" + i);
                rebuilt.track(o, 10L * i);
                rebuilt.replayed(new VenueReport.Accepted(o.clientOrderId(), "v-f" + i, 10L * i));
                rebuilt.replayed(LiveFixtures.filled(o, "t" + i, "1.000", 10L * i));
                assertThat(rebuilt.size()).isLessThanOrEqualTo(100 + 100 + 1);
            }
            assertThat(rebuilt.unanswered()).isEmpty();
            assertThat(rebuilt.knows("f0")).isFalse();
            assertThat(rebuilt.knows("f4999")).isTrue();
        }
    }
}
