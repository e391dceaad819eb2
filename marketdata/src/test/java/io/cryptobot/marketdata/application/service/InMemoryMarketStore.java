package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadDownloadJobPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.LoadVenueListingPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.application.port.out.SaveDownloadJobPort;
import io.cryptobot.marketdata.application.port.out.SaveInstrumentPort;
import io.cryptobot.marketdata.application.port.out.SaveVenueListingPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadJobId;
import io.cryptobot.marketdata.domain.DownloadRequest;
import io.cryptobot.marketdata.domain.DownloadStatus;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.marketdata.domain.VenueListing;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * In-memory fakes of the out-ports downloads and the instrument sync use, with the stores' semantics: candles keyed
 * by (instrument, timeframe, open time) and never overwritten, jobs and listings replaced whole. Every insert of a
 * candle is counted, so a test can prove that no candle was ever written twice.
 */
final class InMemoryMarketStore {
    final Candles candles = new Candles();
    final Jobs jobs = new Jobs();
    final Instruments instruments = new Instruments();
    final Listings listings = new Listings();

    /** Thrown by a "crashed" store: the process died there, nothing after it is written. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    static final class Candles implements SaveCandlesPort, LoadCandlesPort {

        @Override
        public io.vavr.control.Either<LimitPassed, InsertOutcome> insertPrivate(io.cryptobot.kernel.domain.UserId owner,
                Instrument instrument, Timeframe timeframe, CandleFeed feed, InsertProgress progress,
                io.cryptobot.marketdata.domain.StoredCandlesLimit limit) {
            throw new UnsupportedOperationException("this fake holds shared data only (downloads and live feeds)");
        }
        private final Map<InstrumentId, Map<Timeframe, NavigableMap<Long, Candle>>> stored = new HashMap<>();
        final Map<Long, Integer> writesByOpenTime = new HashMap<>();
        int transactions;
        /** Thrown by the next insert instead of storing anything. */
        RuntimeException nextInsertFails;

        @Override
        public synchronized InsertOutcome insertAll(Instrument instrument, Timeframe timeframe, CandleFeed feed,
                                                    InsertProgress progress) {
            transactions++;
            if (nextInsertFails != null) {
                RuntimeException failure = nextInsertFails;
                nextInsertFails = null;
                throw failure;
            }
            long[] counts = new long[2];
            NavigableMap<Long, Candle> series = series(instrument.id(), timeframe);
            feed.forEachBatch(batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    counts[0]++;
                    if (series.putIfAbsent(batch.openTime(i), batch.candle(i)) == null) {
                        counts[1]++;
                        writesByOpenTime.merge(batch.openTime(i), 1, Integer::sum);
                    }
                }
                progress.stored(counts[0], counts[1]);
            });
            return new InsertOutcome(counts[0], counts[1]);
        }

        @Override
        public synchronized CandleBatch load(io.cryptobot.marketdata.domain.CandleView view, Instrument instrument, Timeframe timeframe, TimeRange range, int limit) {
            CandleBatch batch = new CandleBatch(instrument.priceScale(), instrument.quantityScale(), 16);
            for (Candle candle : series(instrument.id(), timeframe).subMap(range.from(), range.to()).values()) {
                if (batch.size() == limit) {
                    break;
                }
                batch.accept(candle);
            }
            return batch;
        }

        @Override
        public synchronized Option<Candle> latest(io.cryptobot.marketdata.domain.CandleView view, Instrument instrument, Timeframe timeframe) {
            NavigableMap<Long, Candle> series = series(instrument.id(), timeframe);
            return series.isEmpty() ? Option.none() : Option.some(series.lastEntry().getValue());
        }

        @Override
        public synchronized long[] contiguousRuns(io.cryptobot.marketdata.domain.CandleView view, Instrument instrument, Timeframe timeframe, TimeRange range) {
            List<Long> runs = new ArrayList<>();
            long previous = Long.MIN_VALUE;
            for (long openTime : series(instrument.id(), timeframe).subMap(range.from(), range.to()).keySet()) {
                if (previous == Long.MIN_VALUE || timeframe.next(previous) != openTime) {
                    if (previous != Long.MIN_VALUE) {
                        runs.add(previous);
                    }
                    runs.add(openTime);
                }
                previous = openTime;
            }
            if (previous != Long.MIN_VALUE) {
                runs.add(previous);
            }
            return runs.stream().mapToLong(Long::longValue).toArray();
        }

        synchronized NavigableMap<Long, Candle> series(InstrumentId instrument, Timeframe timeframe) {
            return stored.computeIfAbsent(instrument, i -> new EnumMap<>(Timeframe.class))
                    .computeIfAbsent(timeframe, t -> new TreeMap<>());
        }
    }

    static final class Jobs implements LoadDownloadJobPort, SaveDownloadJobPort {
        private final Map<DownloadJobId, DownloadJob> stored = new LinkedHashMap<>();
        final List<DownloadJob> history = new ArrayList<>();
        private int savesBeforeCrash = -1;

        /** The save after {@code saves} more saves dies, and every later one with it. */
        void crashAfter(int saves) {
            savesBeforeCrash = saves;
        }

        @Override
        public synchronized void save(DownloadJob job) {
            if (savesBeforeCrash == 0) {
                throw new Crash();
            }
            if (savesBeforeCrash > 0) {
                savesBeforeCrash--;
            }
            DownloadJob before = stored.get(job.id());
            if (before != null && before.status().isFinished() && !(before.status() == DownloadStatus.CANCELED
                    && job.status() == DownloadStatus.CANCELED)) {
                return;
            }
            stored.put(job.id(), job);
            history.add(job);
        }

        @Override
        public synchronized boolean canceled(DownloadJobId id) {
            return Option.of(stored.get(id)).exists(job -> job.status() == DownloadStatus.CANCELED);
        }

        synchronized DownloadJob stored(DownloadJobId id) {
            return stored.get(id);
        }

        @Override
        public synchronized Option<DownloadJob> load(UserId owner, DownloadJobId id) {
            return Option.of(stored.get(id)).filter(job -> job.owner().equals(owner));
        }

        @Override
        public synchronized Page<DownloadJob> list(UserId owner, PageRequest page) {
            List<DownloadJob> mine = stored.values().stream().filter(job -> job.owner().equals(owner))
                    .sorted(Comparator.comparing(DownloadJob::createdAt).reversed()).toList();
            return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), page.offset(),
                    page.limit(), mine.size());
        }

        @Override
        public synchronized int unfinishedCount(UserId owner) {
            return (int) stored.values().stream().filter(j -> j.owner().equals(owner) && !j.status().isFinished())
                    .count();
        }

        @Override
        public synchronized Option<DownloadJob> unfinished(UserId owner, DownloadRequest request) {
            return Option.ofOptional(stored.values().stream().filter(j -> j.owner().equals(owner)
                    && j.request().equals(request) && !j.status().isFinished()).findFirst());
        }

        @Override
        public synchronized List<DownloadJob> unfinished() {
            return stored.values().stream().filter(j -> !j.status().isFinished()).toList();
        }
    }

    static final class Instruments implements LoadInstrumentPort, SaveInstrumentPort {
        private final Map<InstrumentId, Instrument> stored = new LinkedHashMap<>();

        @Override
        public synchronized Option<Instrument> load(InstrumentId id) {
            return Option.of(stored.get(id));
        }

        @Override
        public synchronized Page<Instrument> list(PageRequest page) {
            List<Instrument> all = List.copyOf(stored.values());
            return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), page.offset(),
                    page.limit(), all.size());
        }

        @Override
        public synchronized List<Instrument> ofVenue(Venue venue) {
            return stored.values().stream().filter(i -> i.id().venue().equals(venue)).toList();
        }

        @Override
        public synchronized boolean insertIfAbsent(Instrument instrument) {
            return stored.putIfAbsent(instrument.id(), instrument) == null;
        }
    }

    static final class Listings implements LoadVenueListingPort, SaveVenueListingPort {
        private final Map<InstrumentId, VenueListing> stored = new HashMap<>();

        @Override
        public synchronized Option<VenueListing> load(InstrumentId instrument) {
            return Option.of(stored.get(instrument));
        }

        @Override
        public synchronized void save(VenueListing listing) {
            stored.put(listing.instrument(), listing);
        }
    }
}
