package io.cryptobot.backtest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The run's lifecycle: queued → running → storing → completed, and what each status allows. */
class BacktestRunTest {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static BacktestRun queued() {
        BacktestConfig config = BacktestConfig.checked(new BacktestConfig.Raw("sma_crossover",
                Map.of("fast", "5", "slow", "20"), List.of("SIM:BTC/USDT"), "1m", "0", "120000000", "10000", null,
                null, null, null, null, null, null, null)).get();
        return BacktestRun.queue(BacktestId.random(), new UserId(UUID.randomUUID()), config, T0);
    }

    static BacktestRun running() {
        return queued().start(4_320, T0.plusSeconds(1)).progress(1_000);
    }

    static BacktestRun storing() {
        return running().storing(4_320, 1_502).get();
    }

    @Nested
    class Storing {
        @Test
        void a_running_run_whose_engine_finished_is_storing_with_all_its_candles_and_nothing_stored_yet() {
            BacktestRun storing = running().storing(4_320, 1_502).get();

            assertThat(storing.status()).isEqualTo(BacktestStatus.STORING);
            assertThat(storing.candlesProcessed()).isEqualTo(4_320);
            assertThat(storing.rowsStored()).isZero();
            assertThat(storing.rowsTotal()).isEqualTo(1_502);
            assertThat(storing.startedAt()).contains(T0.plusSeconds(1));
            // results are not visible yet, so the run has not finished
            assertThat(storing.finishedAt()).isEmpty();
            assertThat(storing.status().isFinished()).isFalse();
        }

        @Test
        void only_a_running_run_can_start_storing() {
            assertThat(queued().storing(0, 10).getLeft()).isEqualTo("queued");
            assertThat(storing().storing(4_320, 10).getLeft()).isEqualTo("storing");
            assertThat(storing().complete(T0).get().storing(4_320, 10).getLeft()).isEqualTo("completed");
        }

        @Test
        void stored_rows_are_its_progress_and_there_is_no_engine_eta() {
            BacktestRun halfway = storing().stored(751);

            assertThat(halfway.rowsStored()).isEqualTo(751);
            assertThat(halfway.storedShare()).isEqualTo(0.5);
            assertThat(halfway.eta(T0.plusSeconds(60))).isEmpty();
            assertThat(running().eta(T0.plusSeconds(61)))
                    .contains(Duration.ofMillis(60_000L * 3_320 / 1_000));
        }

        @Test
        void a_run_with_nothing_to_store_has_stored_nothing_of_nothing() {
            assertThat(running().storing(4_320, 0).get().storedShare()).isZero();
        }

        @Test
        void a_storing_run_cannot_be_cancelled_or_resumed() {
            assertThat(storing().cancel(4_320, T0).getLeft()).isEqualTo("storing");
            assertThat(storing().resume(T0).getLeft()).isEqualTo("storing");
        }
    }

    @Nested
    class Completing {
        @Test
        void completes_from_storing_with_every_row_stored_and_finishes_at_the_given_moment() {
            Instant visible = T0.plusSeconds(90);
            BacktestRun completed = storing().stored(700).complete(visible).get();

            assertThat(completed.status()).isEqualTo(BacktestStatus.COMPLETED);
            assertThat(completed.finishedAt()).contains(visible);
            assertThat(completed.rowsStored()).isEqualTo(1_502);
            assertThat(completed.candlesProcessed()).isEqualTo(4_320);
            assertThat(completed.progress()).isEqualTo(1.0);
            assertThat(completed.failure()).isEmpty();
        }

        @Test
        void a_run_that_has_not_stored_its_results_cannot_complete() {
            assertThat(running().complete(T0).getLeft()).isEqualTo("running");
            assertThat(queued().complete(T0).getLeft()).isEqualTo("queued");
            assertThat(storing().complete(T0).get().complete(T0).getLeft()).isEqualTo("completed");
        }
    }

    @Nested
    class Stopping {
        @Test
        void a_run_the_process_left_storing_is_interrupted_keeps_nothing_stored_and_can_be_resumed() {
            BacktestRun interrupted = storing().stored(900).interrupt(T0.plusSeconds(5));

            assertThat(interrupted.status()).isEqualTo(BacktestStatus.INTERRUPTED);
            assertThat(interrupted.failure().get()).contains("storing");
            // the storing transaction died with the process: none of its rows were kept
            assertThat(interrupted.rowsStored()).isZero();
            BacktestRun again = interrupted.resume(T0.plusSeconds(6)).get();
            assertThat(again.status()).isEqualTo(BacktestStatus.QUEUED);
            assertThat(again.attempt()).isEqualTo(2);
            assertThat(again.rowsTotal()).isZero();
            assertThat(again.finishedAt()).isEmpty();
        }

        @Test
        void a_store_that_fails_fails_the_run_with_nothing_stored() {
            BacktestRun failed = storing().stored(900).fail("internal error", T0.plusSeconds(5));

            assertThat(failed.status()).isEqualTo(BacktestStatus.FAILED);
            assertThat(failed.rowsStored()).isZero();
            assertThat(failed.status().isResumable()).isTrue();
        }

        @Test
        void a_running_run_can_still_be_cancelled() {
            assertThat(running().cancel(1_000, T0.plusSeconds(2)).get().status()).isEqualTo(BacktestStatus.CANCELLED);
        }
    }
}
