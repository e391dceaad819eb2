package io.cryptobot.exchange.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.application.port.out.OpenVenueTradingPort;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.vavr.control.Option;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenVenueTradingServiceTest {
    static final Instant NOW = Instant.parse("2026-12-12T10:00:00Z");
    static final UserId OWNER = new UserId(new UUID(1, 1));
    static final UserId STRANGER = new UserId(new UUID(2, 2));

    private final TestConnectionServiceTest.InMemoryAccounts store = new TestConnectionServiceTest.InMemoryAccounts();
    private final TestConnectionServiceTest.ReversingSealer sealer = new TestConnectionServiceTest.ReversingSealer();
    private final OpenedVenues venues = new OpenedVenues();
    private final OpenVenueTradingService service = new OpenVenueTradingService(store, sealer, venues);

    /** Binds keys to a stand-in adapter and remembers what it was given. */
    static final class OpenedVenues implements OpenVenueTradingPort {
        final List<Credentials> opened = new ArrayList<>();
        final VenueTrading adapter = (VenueTrading) Proxy.newProxyInstance(VenueTrading.class.getClassLoader(),
                new Class<?>[] {VenueTrading.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("opening must not call the venue");
                });

        @Override
        public boolean supports(Venue venue) {
            return venue.code().equals("BINANCE");
        }

        @Override
        public VenueTrading open(Venue venue, Credentials credentials) {
            opened.add(credentials);
            return adapter;
        }
    }

    ExchangeAccount live(UserId owner, String venue) {
        ExchangeAccount account = ExchangeAccount.live(AccountId.random(), owner, venue + " main", venue,
                new ExchangeAccount.StoredCredentials(sealer.seal("key-0123456789"), sealer.seal("secret-0123456789"),
                        Option.none(), "****6789"), NOW).get();
        store.insert(account);
        return account;
    }

    @Test
    void the_owners_live_account_opens_its_venues_adapter_with_the_unsealed_keys() {
        ExchangeAccount account = live(OWNER, "BINANCE");

        VenueTrading trading = service.open(OWNER, account.id().value()).get();

        assertThat(trading).isSameAs(venues.adapter);
        assertThat(venues.opened).singleElement().satisfies(credentials -> {
            assertThat(credentials.apiKey()).isEqualTo("key-0123456789");
            assertThat(credentials.secret()).isEqualTo("secret-0123456789");
        });
    }

    @Test
    void another_users_account_is_not_found_and_no_key_is_unsealed() {
        ExchangeAccount account = live(OWNER, "BINANCE");

        assertThat(service.open(STRANGER, account.id().value()).getLeft().code())
                .isEqualTo("exchange.account.not_found");
        assertThat(service.open(OWNER, UUID.randomUUID()).getLeft().code()).isEqualTo("exchange.account.not_found");
        assertThat(venues.opened).isEmpty();
    }

    @Test
    void a_paper_account_and_a_venue_without_a_trading_adapter_are_refused() {
        ExchangeAccount paper = ExchangeAccount.paper(AccountId.random(), OWNER, "paper", Map.of("USDT", "100"), NOW)
                .get();
        store.insert(paper);
        ExchangeAccount kraken = live(OWNER, "KRAKEN");

        assertThat(service.open(OWNER, paper.id().value()).getLeft().code()).isEqualTo("exchange.account.not_live");
        assertThat(service.open(OWNER, kraken.id().value()).getLeft().code())
                .isEqualTo("exchange.venue.not_supported");
        assertThat(venues.opened).isEmpty();
    }
}
