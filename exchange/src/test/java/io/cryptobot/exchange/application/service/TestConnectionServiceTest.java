package io.cryptobot.exchange.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.application.port.out.AccountStorePort;
import io.cryptobot.exchange.application.port.out.ProbeVenueAccountPort;
import io.cryptobot.exchange.application.port.out.SealSecretPort;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.exchange.domain.account.SealedSecret;
import io.cryptobot.exchange.domain.connection.AccountAccess;
import io.cryptobot.exchange.domain.connection.AccountProbe;
import io.cryptobot.exchange.domain.connection.ClockReading;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.exchange.domain.connection.KeyPermissions;
import io.cryptobot.exchange.domain.connection.SigningWindow;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TestConnectionServiceTest {
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final UserId OWNER = new UserId(new UUID(1, 1));
    static final UserId STRANGER = new UserId(new UUID(2, 2));
    static final Venue BINANCE = new Venue("BINANCE");

    private final InMemoryAccounts store = new InMemoryAccounts();
    private final ReversingSealer sealer = new ReversingSealer();
    private final ScriptedVenues venues = new ScriptedVenues();
    private final TestConnectionService service = new TestConnectionService(store, sealer, venues, () -> NOW);

    ExchangeAccount connection(String venue, String passphrase) {
        ExchangeAccount account = ExchangeAccount.live(AccountId.random(), OWNER, venue + " main", venue,
                new ExchangeAccount.StoredCredentials(sealer.seal("key-0123456789"), sealer.seal("secret-0123456789"),
                        Option.of(passphrase).map(sealer::seal), "****6789"), NOW).get();
        store.insert(account);
        return account;
    }

    @Test
    void the_stored_keys_are_opened_and_tried_on_the_accounts_venue() {
        ExchangeAccount account = connection("BINANCE", null);
        ConnectionTest test = service.test(OWNER, account.id()).get();
        assertThat(test.passed()).isTrue();
        assertThat(test.venue()).isEqualTo(BINANCE);
        assertThat(test.testedAt()).isEqualTo(NOW);
        assertThat(venues.tried).singleElement().satisfies(credentials -> {
            assertThat(credentials.apiKey()).isEqualTo("key-0123456789");
            assertThat(credentials.secret()).isEqualTo("secret-0123456789");
            assertThat(credentials.passphrase().isEmpty()).isTrue();
        });
    }

    @Test
    void another_users_account_is_not_found_and_nothing_is_tried() {
        ExchangeAccount account = connection("BINANCE", null);
        DomainError error = service.test(STRANGER, account.id()).getLeft();
        assertThat(error.code()).isEqualTo("exchange.account.not_found");
        assertThat(venues.tried).isEmpty();
    }

    @Test
    void a_paper_account_or_a_venue_without_an_adapter_cannot_be_tested() {
        ExchangeAccount paper = ExchangeAccount.paper(AccountId.random(), OWNER, "paper", Map.of("USDT", "100"), NOW)
                .get();
        store.insert(paper);
        assertThat(service.test(OWNER, paper.id()).getLeft()).isInstanceOf(DomainError.Refused.class)
                .extracting(DomainError::code).isEqualTo("exchange.account.not_a_connection");
        ExchangeAccount kraken = connection("KRAKEN", null);
        assertThat(service.test(OWNER, kraken.id()).getLeft().code()).isEqualTo("exchange.venue.not_supported");
        assertThat(venues.tried).isEmpty();
    }

    @Test
    void the_passphrase_is_opened_too_when_there_is_one() {
        ExchangeAccount account = connection("BINANCE", "open sesame");
        service.test(OWNER, account.id());
        assertThat(venues.tried.getFirst().passphrase().get()).isEqualTo("open sesame");
    }

    static final class ScriptedVenues implements ProbeVenueAccountPort {
        final java.util.List<Credentials> tried = new ArrayList<>();

        @Override
        public boolean supports(Venue venue) {
            return venue.equals(BINANCE);
        }

        @Override
        public AccountProbe probe(Venue venue, Credentials credentials) {
            tried.add(credentials);
            return new AccountProbe(Either.right(new ClockReading(NOW, NOW, NOW.plusMillis(10))),
                    SigningWindow.binance(Duration.ofSeconds(5)), Either.right(new AccountAccess(
                    new KeyPermissions(true, true, false, KeyPermissions.Source.KEY), List.empty(),
                    Duration.ofMillis(20))));
        }
    }

    /** Seals by reversing the bytes: enough to prove the service opens what it was given, never for real use. */
    static final class ReversingSealer implements SealSecretPort {
        @Override
        public SealedSecret seal(String plain) {
            return new SealedSecret(new byte[12], new StringBuilder(plain).reverse().toString()
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String open(SealedSecret sealed) {
            return new StringBuilder(new String(sealed.ciphertext(), StandardCharsets.UTF_8)).reverse().toString();
        }
    }

    static final class InMemoryAccounts implements AccountStorePort {
        private final Map<AccountId, ExchangeAccount> accounts = new HashMap<>();

        @Override
        public boolean insert(ExchangeAccount account) {
            return accounts.putIfAbsent(account.id(), account) == null;
        }

        @Override
        public Option<ExchangeAccount> load(UserId owner, AccountId id) {
            return Option.of(accounts.get(id)).filter(a -> a.owner().equals(owner));
        }

        @Override
        public Page<ExchangeAccount> list(UserId owner, PageRequest page) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public boolean delete(UserId owner, AccountId id) {
            return accounts.remove(id) != null;
        }

        @Override
        public long count(UserId owner) {
            return accounts.values().stream().filter(a -> a.owner().equals(owner)).count();
        }
    }
}
