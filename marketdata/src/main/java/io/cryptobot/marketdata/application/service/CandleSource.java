package io.cryptobot.marketdata.application.service;

import io.cryptobot.marketdata.domain.CandleSink;
import io.cryptobot.marketdata.domain.ImportErrors;
import io.cryptobot.marketdata.domain.LimitBreach;
import io.vavr.control.Either;

/**
 * Where an import's rows come from. It can be read more than once (a validation pass, then the insert pass), and
 * each read yields the same rows; {@link #close()} releases what it holds (deletes an uploaded file).
 */
interface CandleSource extends AutoCloseable {

    /**
     * Sends every good row to the sink and every refused one to errors; returns the number of data rows, or the
     * limit the source broke (reading stops there, after some rows may have reached the sink).
     */
    Either<LimitBreach, Long> read(CandleSink sink, ImportErrors errors);

    @Override
    void close();
}
