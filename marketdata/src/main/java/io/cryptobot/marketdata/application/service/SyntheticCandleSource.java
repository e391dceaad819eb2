package io.cryptobot.marketdata.application.service;

import io.cryptobot.marketdata.domain.CandleSink;
import io.cryptobot.marketdata.domain.ImportErrors;
import io.cryptobot.marketdata.domain.SyntheticCandleGenerator;
import io.cryptobot.marketdata.domain.LimitBreach;
import io.cryptobot.marketdata.domain.SyntheticSpec;
import io.vavr.control.Either;

/** Rows from the seeded generator: every read yields the same series, and none is ever refused. */
record SyntheticCandleSource(SyntheticSpec spec) implements CandleSource {

    @Override
    public Either<LimitBreach, Long> read(CandleSink sink, ImportErrors errors) {
        SyntheticCandleGenerator.generate(spec, sink);
        return Either.right((long) spec.count());
    }

    @Override
    public void close() {
        // nothing held
    }
}
