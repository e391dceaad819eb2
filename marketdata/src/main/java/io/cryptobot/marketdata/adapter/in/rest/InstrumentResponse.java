package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.domain.Instrument;
import java.util.List;

/** An instrument, with the live feeds of it running on this instance ({@code liveFeeds}, by timeframe). */
public record InstrumentResponse(String id, String venue, String base, String quote, String tickSize,
                                 String stepSize, int priceScale, int quantityScale,
                                 List<FeedStatusResponse> liveFeeds) {
    static InstrumentResponse of(Instrument instrument) {
        return of(instrument, io.vavr.collection.List.empty());
    }

    static InstrumentResponse of(Instrument instrument, io.vavr.collection.List<FeedStatus> feeds) {
        return new InstrumentResponse(instrument.id().toString(), instrument.id().venue().code(),
                instrument.id().base().code(), instrument.id().quote().code(),
                instrument.tickSize().toBigDecimal().toPlainString(),
                instrument.stepSize().toBigDecimal().toPlainString(), instrument.priceScale(),
                instrument.quantityScale(), feeds.map(FeedStatusResponse::of).toJavaList());
    }
}
