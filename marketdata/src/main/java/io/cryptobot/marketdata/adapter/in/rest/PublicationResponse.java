package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.marketdata.domain.Publication;

/**
 * A publication as recorded: which admin made whose private candles shared, {@code added} new to the shared data
 * and {@code replaced} shared candles at the same open times.
 */
public record PublicationResponse(String id, String admin, String owner, String instrument, String timeframe,
                                  long added, long replaced, java.time.Instant publishedAt) {
    static PublicationResponse of(Publication publication) {
        return new PublicationResponse(publication.id().toString(), publication.admin().toString(),
                publication.owner().toString(), publication.instrument().toString(), publication.timeframe().code(),
                publication.added(), publication.replaced(), publication.publishedAt());
    }
}
