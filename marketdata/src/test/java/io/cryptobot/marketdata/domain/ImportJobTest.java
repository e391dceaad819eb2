package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportJobTest {
    private final Instant t0 = Instant.parse("2026-11-22T05:00:00Z");
    private final ImportJob queued = ImportJob.queue(new UserId(UUID.randomUUID()), Fixtures.btcUsdt().id(),
            Timeframe.M1, DatasetTarget.PRIVATE, "binance file a.csv", t0);

    @Test
    void goes_from_queued_through_validation_and_insert_to_completed() {
        ImportJob done = queued.validating(t0).importing(10).progressed(4)
                .completed(7, 3, t0.plusSeconds(2));

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.rowsTotal()).isEqualTo(10);
        assertThat(done.rowsDone()).isEqualTo(10);
        assertThat(done.inserted()).isEqualTo(7);
        assertThat(done.duplicates()).isEqualTo(3);
        assertThat(done.finishedAt().get()).isEqualTo(t0.plusSeconds(2));
    }

    @Test
    void a_file_with_refused_rows_fails_and_keeps_the_reasons() {
        ImportErrors errors = new ImportErrors();
        errors.add(new RowError("", 3, "expected 12 columns, found 2"));

        ImportJob rejected = queued.validating(t0).rejected(5, errors, t0);

        assertThat(rejected.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(rejected.rowsTotal()).isEqualTo(5);
        assertThat(rejected.inserted()).isZero();
        assertThat(rejected.errors()).extracting(RowError::line).containsExactly(3L);
        assertThat(rejected.failure().get()).contains("nothing was stored");
    }

    @Test
    void cannot_skip_validation() {
        assertThatThrownBy(() -> queued.importing(3)).isInstanceOf(IllegalStateException.class);
    }
}
