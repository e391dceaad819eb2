package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.marketdata.domain.Instrument;

public record InstrumentResponse(String id, String venue, String base, String quote, String tickSize,
                                 String stepSize, int priceScale, int quantityScale) {
    static InstrumentResponse of(Instrument instrument) {
        return new InstrumentResponse(instrument.id().toString(), instrument.id().venue().code(),
                instrument.id().base().code(), instrument.id().quote().code(),
                instrument.tickSize().toBigDecimal().toPlainString(),
                instrument.stepSize().toBigDecimal().toPlainString(), instrument.priceScale(),
                instrument.quantityScale());
    }
}
