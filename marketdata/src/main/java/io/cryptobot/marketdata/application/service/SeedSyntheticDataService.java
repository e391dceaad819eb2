package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertOutcome;
import io.cryptobot.marketdata.application.port.out.SaveInstrumentPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleView;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.SyntheticCandleGenerator;
import io.cryptobot.marketdata.domain.SyntheticSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The demo dataset, shared reference data written by the platform itself. Once the series has any 1m candle the seed leaves it alone (a later start must not splice a
 * fresh random walk onto the stored one); otherwise it writes 30 days from the fixed seed, and the insert
 * ignores candles already present, so concurrent or repeated calls cannot duplicate anything.
 */
@ApplicationScoped
class SeedSyntheticDataService implements SeedSyntheticDataUseCase {
    static final String INSTRUMENT = "SIM:BTC/USDT";
    static final long SEED = 20261122L;
    static final int DAYS = 30;
    private final LoadInstrumentPort loadInstruments;
    private final SaveInstrumentPort saveInstruments;
    private final SaveCandlesPort candles;
    private final LoadCandlesPort stored;
    private final Clock clock;

    SeedSyntheticDataService(LoadInstrumentPort loadInstruments, SaveInstrumentPort saveInstruments,
                             SaveCandlesPort candles, LoadCandlesPort stored, Clock clock) {
        this.loadInstruments = loadInstruments;
        this.saveInstruments = saveInstruments;
        this.candles = candles;
        this.stored = stored;
        this.clock = clock;
    }

    @Override
    public SeedResult seed() {
        Instrument defined = Instrument.define("SIM", "BTC", "USDT", "0.01", "0.00001").get();
        boolean created = saveInstruments.insertIfAbsent(defined);
        Instrument instrument = loadInstruments.load(defined.id())
                .getOrElseThrow(() -> new IllegalStateException("the demo instrument was not stored"));
        if (stored.latest(CandleView.shared(), instrument, Timeframe.M1).isDefined()) {
            return new SeedResult(instrument.id(), created, 0, 0);
        }
        long today = Timeframe.D1.floor(clock.now().toEpochMilli());
        long from = today - Duration.ofDays(DAYS).toMillis();
        int count = (int) Duration.ofDays(DAYS).toMinutes();
        SyntheticSpec spec = new SyntheticSpec(instrument, Timeframe.M1, from, count, SEED,
                instrument.price("60000").get(), 0.0, 0.0008, instrument.quantity("2.5").get());
        InsertOutcome outcome = candles.insertAll(instrument, Timeframe.M1, consumer -> {
            CandleBatch batch = new CandleBatch(instrument.priceScale(), instrument.quantityScale(),
                    ImportJobRunner.BATCH_SIZE);
            SyntheticCandleGenerator.generate(spec, candle -> {
                batch.accept(candle);
                if (batch.size() == ImportJobRunner.BATCH_SIZE) {
                    consumer.accept(batch);
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                consumer.accept(batch);
            }
        }, (offered, inserted) -> { });
        return new SeedResult(instrument.id(), created, outcome.inserted(), outcome.alreadyPresent());
    }
}
