package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.marketdata.application.port.in.MayOpenPositionQuery;
import io.cryptobot.marketdata.application.port.in.OpeningRefused;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.LoadVenueListingPort;
import io.cryptobot.marketdata.domain.VenueListing;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class MayOpenPositionService implements MayOpenPositionQuery {
    private final LoadInstrumentPort instruments;
    private final LoadVenueListingPort listings;

    MayOpenPositionService(LoadInstrumentPort instruments, LoadVenueListingPort listings) {
        this.instruments = instruments;
        this.listings = listings;
    }

    @Override
    public Either<OpeningRefused, InstrumentId> mayOpen(InstrumentId instrument) {
        if (instruments.load(instrument).isEmpty()) {
            return Either.left(new OpeningRefused(instrument, "marketdata.instrument.not_found",
                    "no instrument " + instrument));
        }
        Option<VenueListing> listing = listings.load(instrument);
        if (listing.isEmpty() || listing.get().status().trading()) {
            return Either.right(instrument);
        }
        VenueListing known = listing.get();
        return Either.left(switch (known.status()) {
            case HALTED -> new OpeningRefused(instrument, "marketdata.instrument.halted", instrument
                    + " is halted on the venue since " + known.statusSince() + "; no new positions until it trades");
            case DELISTED -> new OpeningRefused(instrument, "marketdata.instrument.delisted", instrument
                    + (known.listed() ? " is delisted by the venue" : " is not listed by the venue") + " since "
                    + known.statusSince());
            case TRADING -> throw new IllegalStateException("trading is allowed above");
        });
    }
}
