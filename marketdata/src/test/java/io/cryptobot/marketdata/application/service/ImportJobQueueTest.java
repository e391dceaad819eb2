package io.cryptobot.marketdata.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.out.LoadDatasetsPort;
import io.cryptobot.marketdata.application.port.out.LoadImportJobPort;
import io.cryptobot.marketdata.domain.Dataset;
import io.cryptobot.marketdata.domain.DatasetTarget;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportJobId;
import io.cryptobot.marketdata.domain.ImportLimits;
import io.cryptobot.marketdata.domain.StoredCandlesLimit;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportJobQueueTest {
    private final List<ImportJob> saved = new ArrayList<>();
    private final List<UserId> ran = new ArrayList<>();
    private final Map<UserId, Long> stored = new HashMap<>();
    private final ImportJobQueue queue = new ImportJobQueue(new SavedJobs(), saved::add,
            (owner, task) -> ran.add(owner), new ImportLimits(4096, 1 << 20, 1_000, 3, 2), new StoredCounts(),
            new StoredCandlesLimit(1_000));
    private final UserId alice = new UserId(UUID.randomUUID());
    private final UserId bob = new UserId(UUID.randomUUID());

    @Test
    void a_user_at_the_cap_is_refused_with_429_naming_it_and_nothing_is_saved_or_run() {
        queue.enqueue(job(alice), () -> { });
        queue.enqueue(job(alice), () -> { });

        Either<DomainError, ImportJob> third = queue.enqueue(job(alice), () -> { });

        assertThat(third.getLeft()).isInstanceOfSatisfying(DomainError.RateLimited.class, e -> {
            assertThat(e.code()).isEqualTo("marketdata.import.too_many_unfinished");
            assertThat(e.detail()).contains("max-unfinished-per-user = 2");
            assertThat(e.retryAfterSeconds()).isPositive();
        });
        assertThat(saved).hasSize(2);
        assertThat(ran).containsExactly(alice, alice);
    }

    @Test
    void the_cap_is_per_user() {
        queue.enqueue(job(alice), () -> { });
        queue.enqueue(job(alice), () -> { });

        assertThat(queue.enqueue(job(bob), () -> { }).isRight()).isTrue();
        assertThat(ran).containsExactly(alice, alice, bob);
    }

    @Test
    void a_private_import_of_a_user_at_the_stored_limit_is_refused_with_413_naming_it_and_nothing_is_saved() {
        stored.put(alice, 1_000L);

        Either<DomainError, ImportJob> refused = queue.enqueue(job(alice), () -> { });

        assertThat(refused.getLeft()).isInstanceOfSatisfying(DomainError.TooLarge.class, e -> {
            assertThat(e.code()).isEqualTo("marketdata.dataset.limit_reached");
            assertThat(e.limit()).isEqualTo("stored-candles-per-user");
            assertThat(e.max()).isEqualTo(1000L);
            assertThat(e.detail()).contains("stored-candles-per-user = 1000").contains("1000 candles");
        });
        assertThat(saved).isEmpty();
        assertThat(ran).isEmpty();
    }

    @Test
    void one_candle_below_the_limit_an_import_is_still_queued_and_shared_imports_count_against_nobody() {
        stored.put(alice, 999L);
        stored.put(bob, 5_000L);

        assertThat(queue.enqueue(job(alice), () -> { }).isRight()).isTrue();
        assertThat(queue.enqueue(ImportJob.queue(bob, InstrumentId.parse("BINANCE:BTC/USDT").get(), Timeframe.M1,
                DatasetTarget.SHARED, "binance file", Instant.EPOCH), () -> { }).isRight()).isTrue();
        assertThat(ran).containsExactly(alice, bob);
    }

    private static ImportJob job(UserId owner) {
        return ImportJob.queue(owner, InstrumentId.parse("BINANCE:BTC/USDT").get(), Timeframe.M1,
                DatasetTarget.PRIVATE, "binance file", Instant.EPOCH);
    }

    private final class StoredCounts implements LoadDatasetsPort {
        @Override
        public long storedBy(UserId owner) {
            return stored.getOrDefault(owner, 0L);
        }

        @Override
        public List<Dataset> datasetsOf(UserId owner) {
            throw new UnsupportedOperationException();
        }
    }

    /** Every saved job stays unfinished, as if the workers had not reached it yet. */
    private final class SavedJobs implements LoadImportJobPort {
        @Override
        public Option<ImportJob> load(UserId owner, ImportJobId id) {
            return Option.ofOptional(saved.stream().filter(j -> j.id().equals(id) && j.owner().equals(owner))
                    .findFirst());
        }

        @Override
        public Page<ImportJob> list(UserId owner, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int unfinishedCount(UserId owner) {
            return (int) saved.stream().filter(j -> j.owner().equals(owner) && !j.status().isFinished()).count();
        }

        @Override
        public List<ImportJob> unfinished() {
            return saved.stream().filter(j -> !j.status().isFinished()).toList();
        }
    }
}
