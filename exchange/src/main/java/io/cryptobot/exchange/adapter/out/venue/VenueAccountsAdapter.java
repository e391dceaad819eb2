package io.cryptobot.exchange.adapter.out.venue;

import io.cryptobot.exchange.application.port.out.ProbeVenueAccountPort;
import io.cryptobot.exchange.application.port.out.ReadVenueBalancesPort;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.AccountProbe;
import io.cryptobot.exchange.domain.connection.VenueBalance;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connection test's and the wallet reconciliation's way to every live venue with an adapter, by venue code. */
@ApplicationScoped
class VenueAccountsAdapter implements ProbeVenueAccountPort, ReadVenueBalancesPort {
    private final Map<Venue, VenueAccountReader> readers;

    VenueAccountsAdapter(@Any Instance<VenueAccountReader> readers) {
        this.readers = readers.stream().collect(Collectors.toUnmodifiableMap(VenueAccountReader::venue,
                Function.identity()));
    }

    @Override
    public boolean supports(Venue venue) {
        return readers.containsKey(venue);
    }

    @Override
    public AccountProbe probe(Venue venue, Credentials credentials) {
        return reader(venue).probe(credentials);
    }

    @Override
    public Either<VenueFailure, List<VenueBalance>> balances(Venue venue, Credentials credentials) {
        return reader(venue).balances(credentials);
    }

    private VenueAccountReader reader(Venue venue) {
        VenueAccountReader reader = readers.get(venue);
        if (reader == null) {
            throw new IllegalArgumentException("no account reader for " + venue);
        }
        return reader;
    }
}
