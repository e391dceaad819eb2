package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.VenueListing;
import io.cryptobot.marketdata.domain.VenueRules;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * An instrument with its fixed tick and step (they set the scales of every stored price and volume), what its venue
 * says now once the instrument sync has asked it ({@code listing}, null before that), and the live feeds of it
 * running on this instance ({@code liveFeeds}, by timeframe).
 */
public record InstrumentResponse(String id, String venue, String base, String quote, String tickSize,
                                 String stepSize, int priceScale, int quantityScale, ListingResponse listing,
                                 List<FeedStatusResponse> liveFeeds) {

    /**
     * The venue's rules (null when it never listed the pair) and status: {@code trading}, {@code halted} or
     * {@code delisted} ({@code listed} false when the venue's list no longer has the pair); {@code mismatch} says
     * why the venue's tick or step does not fit the instrument's, null when they fit.
     */
    public record ListingResponse(String status, boolean listed, String statusSince, String syncedAt,
                                  String venueSymbol, String tickSize, String stepSize, String minNotional,
                                  String mismatch) {
    }

    static InstrumentResponse of(Instrument instrument) {
        return of(instrument, Option.none(), io.vavr.collection.List.empty());
    }

    static InstrumentResponse of(Instrument instrument, Option<VenueListing> listing,
                                 io.vavr.collection.List<FeedStatus> feeds) {
        return new InstrumentResponse(instrument.id().toString(), instrument.id().venue().code(),
                instrument.id().base().code(), instrument.id().quote().code(),
                instrument.tickSize().toBigDecimal().toPlainString(),
                instrument.stepSize().toBigDecimal().toPlainString(), instrument.priceScale(),
                instrument.quantityScale(), listing.map(l -> listing(instrument, l)).getOrNull(),
                feeds.map(FeedStatusResponse::of).toJavaList());
    }

    private static ListingResponse listing(Instrument instrument, VenueListing listing) {
        Option<VenueRules> rules = listing.rules();
        return new ListingResponse(listing.status().name().toLowerCase(Locale.ROOT), listing.listed(),
                listing.statusSince().toString(), listing.syncedAt().toString(),
                rules.map(VenueRules::venueSymbol).getOrNull(), rules.map(r -> plain(r.tickSize())).getOrNull(),
                rules.map(r -> plain(r.stepSize())).getOrNull(),
                rules.flatMap(VenueRules::minNotional).map(InstrumentResponse::plain).getOrNull(),
                listing.mismatch(instrument).getOrNull());
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
