package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DownloadJobTest {
    private static final long MIN = 60_000;
    private static final long HOUR = 60 * MIN;
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private final UserId owner = new UserId(UUID.randomUUID());
    private final Instant now = Instant.ofEpochMilli(T0 + 10 * HOUR + 30 * MIN);

    private DownloadJob plan(Timeframe timeframe, List<TimeRange> wanted) {
        return DownloadJob.plan(owner, new DownloadRequest(Fixtures.btcUsdt().id(), timeframe,
                new TimeRange(T0, T0 + 100 * HOUR), false), timeframe, wanted, now);
    }

    @Test
    void a_plan_covers_whole_candles_that_have_closed_and_counts_them() {
        DownloadJob job = plan(Timeframe.H1, List.of(new TimeRange(T0 + 30 * MIN, T0 + 100 * HOUR)));

        assertThat(job.segments()).containsExactly(new TimeRange(T0 + HOUR, T0 + 10 * HOUR));
        assertThat(job.rowsTotal()).isEqualTo(9);
        assertThat(job.cursor()).isEqualTo(T0 + HOUR);
        assertThat(job.status()).isEqualTo(DownloadStatus.QUEUED);
    }

    @Test
    void gaps_become_segments_and_progress_counts_only_what_lies_in_them() {
        DownloadJob job = plan(Timeframe.H1, List.of(new TimeRange(T0, T0 + 2 * HOUR),
                new TimeRange(T0 + 5 * HOUR, T0 + 8 * HOUR), new TimeRange(T0 + 12 * HOUR, T0 + 14 * HOUR)));

        assertThat(job.segments()).as("the last gap has not closed yet").hasSize(2);
        assertThat(job.rowsTotal()).isEqualTo(5);

        DownloadJob advanced = job.running(now).advanced(T0 + 6 * HOUR, 3, 0, 0);

        assertThat(advanced.rowsDone()).isEqualTo(3);
        assertThat(advanced.remaining()).containsExactly(new TimeRange(T0 + 6 * HOUR, T0 + 8 * HOUR));
        assertThat(advanced.completed(now).rowsDone()).isEqualTo(5);
    }

    @Test
    void the_cursor_never_moves_back_nor_off_a_candle_boundary() {
        DownloadJob running = plan(Timeframe.H1, List.of(new TimeRange(T0, T0 + 5 * HOUR))).running(now)
                .advanced(T0 + 2 * HOUR, 2, 0, 0);

        assertThatThrownBy(() -> running.advanced(T0 + HOUR, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> running.advanced(T0 + 2 * HOUR + MIN, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_note_says_why_the_job_waits_until_it_moves_again() {
        DownloadJob waiting = plan(Timeframe.H1, List.of(new TimeRange(T0, T0 + 5 * HOUR))).running(now)
                .noted("rate limited, retry after 30 s; waiting 30 s");

        assertThat(waiting.note()).contains("rate limited, retry after 30 s; waiting 30 s");
        assertThat(waiting.advanced(T0 + HOUR, 1, 0, 0).note()).isEmpty();
    }

    @Test
    void a_resumed_job_keeps_its_start_time_and_a_finished_one_cannot_run_again() {
        DownloadJob started = plan(Timeframe.H1, List.of(new TimeRange(T0, T0 + 5 * HOUR))).running(now);
        DownloadJob resumed = started.running(now.plusSeconds(3600));

        assertThat(resumed.startedAt()).isEqualTo(started.startedAt());
        assertThatThrownBy(() -> resumed.completed(now).running(now)).isInstanceOf(IllegalStateException.class);
    }
}
