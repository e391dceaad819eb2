package io.cryptobot.exchange.adapter.out.venue.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.AccountAccess;
import io.cryptobot.exchange.domain.connection.AccountProbe;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.exchange.domain.connection.KeyPermissions;
import io.cryptobot.exchange.domain.connection.VenueBalance;
import io.cryptobot.exchange.fakevenue.FakeOkx;
import io.cryptobot.exchange.fakevenue.FakeVenueServer;
import io.cryptobot.kernel.domain.market.VenueFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OkxAccountReaderTest {
    static final String API_KEY = "985d5b66-57ce-40fb-b714-afc0b9787083";
    static final String SECRET = "22582BD0CFF14C41EDBF1AB98506286D";
    static final String PASSPHRASE = "correct horse battery";
    private final FakeOkx fake = FakeOkx.start();
    private final OkxApi api = new OkxApi(OkxConfig.production().withUrls(fake.restUrl(), fake.wsUrl()), Instant::now);
    private final OkxAccountReader reader = new OkxAccountReader(api);

    @AfterEach
    void stop() {
        api.close();
        fake.close();
    }

    static Credentials credentials(String secret, String passphrase) {
        return Credentials.checked(API_KEY, secret, passphrase).get();
    }

    @Test
    void good_keys_answer_perm_and_balances() {
        fake.key(FakeOkx.Key.readAndTrade(API_KEY, SECRET, PASSPHRASE));
        AccountProbe probe = reader.probe(credentials(SECRET, PASSPHRASE));
        AccountAccess access = probe.account().get();
        assertThat(access.permissions()).isEqualTo(new KeyPermissions(true, true, false, KeyPermissions.Source.KEY));
        assertThat(access.balances()).containsExactly(
                new VenueBalance("BTC", new BigDecimal("0.02"), BigDecimal.ZERO),
                new VenueBalance("USDT", new BigDecimal("980.5"), new BigDecimal("19.5")));
        assertThat(probe.clock().get().skew().abs()).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void the_balances_alone_are_one_signed_balance_call() {
        fake.key(FakeOkx.Key.readAndTrade(API_KEY, SECRET, PASSPHRASE));
        assertThat(reader.balances(credentials(SECRET, PASSPHRASE)).get()).containsExactlyInAnyOrder(
                new VenueBalance("BTC", new BigDecimal("0.02"), BigDecimal.ZERO),
                new VenueBalance("USDT", new BigDecimal("980.5"), new BigDecimal("19.5")));
        assertThat(fake.count("/api/v5/account/balance")).isEqualTo(1);
        assertThat(fake.count("/api/v5/account/config")).isZero();
        assertThat(fake.count("/api/v5/public/time")).isZero();
    }

    @Test
    void a_read_only_key_with_withdrawals_is_warned_about_twice() {
        fake.key(FakeOkx.Key.readAndTrade(API_KEY, SECRET, PASSPHRASE).withPerm("read_only,withdraw"));
        ConnectionTest test = ConnectionTest.of(OkxApi.VENUE, reader.probe(credentials(SECRET, PASSPHRASE)),
                Instant.now());
        assertThat(test.warnings()).hasSize(2);
        assertThat(test.warnings().get(0)).startsWith("WITHDRAWALS ARE ENABLED");
        assertThat(test.warnings().get(1)).startsWith("the key cannot trade");
    }

    @Test
    void a_wrong_secret_or_passphrase_is_refused_with_okx_codes() {
        fake.key(FakeOkx.Key.readAndTrade(API_KEY, SECRET, PASSPHRASE));
        assertThat(reader.probe(credentials(SECRET.replace('2', '3'), PASSPHRASE)).account().getLeft())
                .isEqualTo(new VenueFailure.Unauthorized("50113", "Invalid signature."));
        assertThat(reader.probe(credentials(SECRET, "wrong")).account().getLeft())
                .isEqualTo(new VenueFailure.Unauthorized("50105", "Request header \"OK-ACCESS-PASSPHRASE\" incorrect."));
    }

    @Test
    void keys_without_a_passphrase_are_refused_without_a_request() {
        fake.key(FakeOkx.Key.readAndTrade(API_KEY, SECRET, PASSPHRASE));
        VenueFailure failure = reader.probe(credentials(SECRET, null)).account().getLeft();
        assertThat(((VenueFailure.Unauthorized) failure).code()).isEqualTo("passphrase_missing");
        assertThat(fake.count("/api/v5/account/config")).isZero();
    }

    @Test
    void a_clock_more_than_thirty_seconds_off_is_refused_and_measured() {
        fake.key(FakeOkx.Key.readAndTrade(API_KEY, SECRET, PASSPHRASE));
        fake.clockOffset(Duration.ofSeconds(45));
        ConnectionTest test = ConnectionTest.of(OkxApi.VENUE, reader.probe(credentials(SECRET, PASSPHRASE)),
                Instant.now());
        assertThat(((ConnectionTest.Outcome.Failed) test.outcome()).failure())
                .isEqualTo(new VenueFailure.Unauthorized("50102", "Timestamp request expired."));
        assertThat(test.clock().get().skew()).isBetween(Duration.ofMillis(-45_500), Duration.ofMillis(-44_500));
        assertThat(test.warnings()).singleElement().asString().contains("behind OKX's");
    }

    @Test
    void neither_secret_nor_passphrase_is_ever_sent() {
        fake.key(FakeOkx.Key.readAndTrade(API_KEY, SECRET, PASSPHRASE));
        reader.probe(credentials(SECRET, PASSPHRASE));
        for (FakeVenueServer.Request request : fake.requests()) {
            assertThat(request.query()).doesNotContain(SECRET);
            request.headers().values().forEach(value -> assertThat(value).doesNotContain(SECRET));
        }
    }
}
