package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertOutcome;
import io.cryptobot.marketdata.application.port.out.SaveInstrumentPort;
import io.cryptobot.marketdata.application.port.out.FindVenuesPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleView;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.live.CandleFit;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The demo dataset, read from the simulated venue {@code SIM} page by page: each symbol becomes an instrument with
 * the venue's rules and gets its last {@value #DAYS} days of 1m candles up to the last closed minute, or, when some
 * are stored already, what closed after the latest stored one. Stored candles the venue would not have produced
 * (the sequential demo walk of earlier versions) are detected on the latest one and left alone. Demo data is shared reference data
 * written by the platform itself.
 */
@ApplicationScoped
class SeedSyntheticDataService implements SeedSyntheticDataUseCase {
    static final Venue SIM = new Venue("SIM");
    static final int DAYS = 30;
    private final LoadInstrumentPort loadInstruments;
    private final SaveInstrumentPort saveInstruments;
    private final SaveCandlesPort candles;
    private final LoadCandlesPort stored;
    private final FindVenuesPort venues;
    private final Clock clock;

    SeedSyntheticDataService(LoadInstrumentPort loadInstruments, SaveInstrumentPort saveInstruments,
                             SaveCandlesPort candles, LoadCandlesPort stored, FindVenuesPort venues,
                             Clock clock) {
        this.loadInstruments = loadInstruments;
        this.saveInstruments = saveInstruments;
        this.candles = candles;
        this.stored = stored;
        this.venues = venues;
        this.clock = clock;
    }

    @Override
    public List<SeedResult> seed() {
        Option<VenueMarketData> sim = venues.venue(SIM);
        if (sim.isEmpty()) {
            return List.empty();
        }
        VenueMarketData venue = sim.get();
        List<VenueSymbol> symbols = venue.symbols().getOrElseThrow(SeedSyntheticDataService::failed);
        long now = venue.serverTime().map(time -> time.toEpochMilli())
                .getOrElse(() -> clock.now().toEpochMilli());
        long to = Timeframe.M1.floor(now);
        return symbols.map(symbol -> seed(venue, symbol, to));
    }

    private SeedResult seed(VenueMarketData venue, VenueSymbol symbol, long to) {
        Instrument defined = Instrument.define(SIM.code(), symbol.instrument().base().code(),
                symbol.instrument().quote().code(), symbol.tickSize().toPlainString(), symbol.stepSize().toPlainString())
                .fold(problems -> {
                    throw new IllegalStateException("SIM lists " + symbol.venueSymbol()
                            + " with rules the catalog refuses: " + problems.mkString("; "));
                }, valid -> valid);
        boolean created = saveInstruments.insertIfAbsent(defined);
        Instrument instrument = loadInstruments.load(defined.id())
                .getOrElseThrow(() -> new IllegalStateException("the demo instrument was not stored"));
        long from = to - Duration.ofDays(DAYS).toMillis();
        Option<Candle> latest = stored.latest(CandleView.shared(), instrument, Timeframe.M1);
        if (latest.isDefined()) {
            long open = latest.get().openTime();
            Option<Candle> venues = page(venue, instrument, open, open + 1).headOption();
            if (venues.isDefined() && !venues.get().equals(latest.get())) {
                return new SeedResult(instrument.id(), created, 0, 0, true);
            }
            from = Math.max(from, Timeframe.M1.next(open));
        }
        if (from >= to) {
            return new SeedResult(instrument.id(), created, 0, 0, false);
        }
        long start = from;
        InsertOutcome outcome = candles.insertAll(instrument, Timeframe.M1, consumer -> {
            long cursor = start;
            while (cursor < to) {
                List<Candle> page = page(venue, instrument, cursor, to);
                if (page.isEmpty()) {
                    break;
                }
                CandleBatch batch = new CandleBatch(instrument.priceScale(), instrument.quantityScale(), page.size());
                page.forEach(batch::accept);
                consumer.accept(batch);
                cursor = Timeframe.M1.next(page.last().openTime());
            }
        }, (offered, inserted) -> { });
        return new SeedResult(instrument.id(), created, outcome.inserted(), outcome.alreadyPresent(), false);
    }

    private static List<Candle> page(VenueMarketData venue, Instrument instrument, long from, long to) {
        Either<VenueFailure, List<VenueCandle>> page = venue.candles(instrument.id(), Timeframe.M1, from, to,
                venue.maxCandlesPerPage());
        return page.getOrElseThrow(SeedSyntheticDataService::failed)
                .map(candle -> CandleFit.fit(instrument, candle).getOrElseThrow(
                        (String reason) -> new IllegalStateException(reason)));
    }

    private static IllegalStateException failed(VenueFailure failure) {
        return new IllegalStateException("the SIM venue did not answer: " + failure.describe());
    }
}
