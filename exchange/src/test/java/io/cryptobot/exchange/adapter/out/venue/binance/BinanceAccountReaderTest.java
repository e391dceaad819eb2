package io.cryptobot.exchange.adapter.out.venue.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.AccountAccess;
import io.cryptobot.exchange.domain.connection.AccountProbe;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.exchange.domain.connection.KeyPermissions;
import io.cryptobot.exchange.domain.connection.VenueBalance;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.exchange.fakevenue.FakeVenueServer;
import io.cryptobot.kernel.domain.market.VenueFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BinanceAccountReaderTest {
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private final FakeBinance fake = FakeBinance.start();
    private final BinanceApi api = new BinanceApi(BinanceConfig.production().withUrls(fake.restUrl(), fake.wsUrl()),
            Instant::now);
    private final BinanceAccountReader reader = new BinanceAccountReader(api);

    @AfterEach
    void stop() {
        api.close();
        fake.close();
    }

    static Credentials credentials(String apiKey, String secret) {
        return Credentials.checked(apiKey, secret, null).get();
    }

    @Test
    void good_keys_answer_the_keys_permissions_the_non_zero_balances_and_a_small_skew() {
        fake.key(FakeBinance.Key.readAndTrade(API_KEY, SECRET));
        AccountProbe probe = reader.probe(credentials(API_KEY, SECRET));
        AccountAccess access = probe.account().get();
        assertThat(access.permissions()).isEqualTo(new KeyPermissions(true, true, false, KeyPermissions.Source.KEY));
        assertThat(access.balances()).extracting(VenueBalance::asset).containsExactly("BTC", "USDT");
        assertThat(access.balances().get(0).free()).isEqualTo(new BigDecimal("0.01"));
        assertThat(access.balances().get(0).locked()).isEqualTo(new BigDecimal("0.005"));
        assertThat(probe.clock().get().skew().abs()).isLessThan(Duration.ofMillis(500));
        assertThat(probe.window().maxBehind()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fake.count("/api/v3/account")).isEqualTo(1);
    }

    @Test
    void the_balances_alone_are_one_signed_account_call_without_the_clock_or_the_keys_restrictions() {
        fake.key(FakeBinance.Key.readAndTrade(API_KEY, SECRET));
        io.vavr.collection.List<VenueBalance> balances = reader.balances(credentials(API_KEY, SECRET)).get();
        assertThat(balances).extracting(VenueBalance::asset).containsExactlyInAnyOrder("BTC", "USDT");
        assertThat(balances.find(b -> b.asset().equals("BTC")).get().locked()).isEqualTo(new BigDecimal("0.005"));
        assertThat(fake.count("/api/v3/account")).isEqualTo(1);
        assertThat(fake.count("/api/v3/time")).isZero();
        assertThat(fake.count("/sapi/v1/account/apiRestrictions")).isZero();
        assertThat(reader.balances(credentials(API_KEY, SECRET.replace('N', 'M'))).getLeft())
                .isEqualTo(new VenueFailure.Unauthorized("-1022", "Signature for this request is not valid."));
    }

    @Test
    void a_key_with_withdrawals_enabled_is_reported_with_the_loud_warning() {
        fake.key(FakeBinance.Key.readAndTrade(API_KEY, SECRET).withWithdrawals());
        ConnectionTest test = ConnectionTest.of(BinanceApi.VENUE, reader.probe(credentials(API_KEY, SECRET)),
                Instant.now());
        assertThat(test.passed()).isTrue();
        assertThat(((ConnectionTest.Outcome.Passed) test.outcome()).access().permissions().withdraw()).isTrue();
        assertThat(test.warnings().head()).startsWith("WITHDRAWALS ARE ENABLED");
    }

    @Test
    void a_wrong_secret_is_refused_as_an_invalid_signature() {
        fake.key(FakeBinance.Key.readAndTrade(API_KEY, SECRET));
        VenueFailure failure = reader.probe(credentials(API_KEY, SECRET.replace('N', 'M'))).account().getLeft();
        assertThat(failure).isEqualTo(new VenueFailure.Unauthorized("-1022", "Signature for this request is not valid."));
    }

    /**
     * Found by the audit of 2026-12-06: a venue nothing answers for was "could not connect (ConnectException)", and
     * that text reaches clients (the connection test's failure, a bot's refused start, a download's note): the reason
     * is said in words, without a class name.
     */
    @Test
    void a_venue_nothing_answers_for_is_unavailable_in_words_without_a_class_name() {
        try (BinanceApi nowhere = new BinanceApi(BinanceConfig.production().withUrls(
                java.net.URI.create("http://127.0.0.1:9"), java.net.URI.create("ws://127.0.0.1:9/ws")), Instant::now)) {
            VenueFailure failure = new BinanceAccountReader(nowhere).probe(credentials(API_KEY, SECRET)).account()
                    .getLeft();
            assertThat(failure).isInstanceOf(VenueFailure.Unavailable.class);
            assertThat(failure.describe()).contains("could not connect").doesNotContain("Exception");
        }
    }

    @Test
    void an_unknown_key_is_refused() {
        VenueFailure failure = reader.probe(credentials(API_KEY, SECRET)).account().getLeft();
        assertThat(failure).isEqualTo(new VenueFailure.Unauthorized("-2015",
                "Invalid API-key, IP, or permissions for action."));
    }

    @Test
    void a_clock_ahead_of_the_venue_by_more_than_a_second_is_refused_and_measured() {
        fake.key(FakeBinance.Key.readAndTrade(API_KEY, SECRET));
        fake.clockOffset(Duration.ofSeconds(-3));
        ConnectionTest test = ConnectionTest.of(BinanceApi.VENUE, reader.probe(credentials(API_KEY, SECRET)),
                Instant.now());
        assertThat(((ConnectionTest.Outcome.Failed) test.outcome()).failure()).isEqualTo(new VenueFailure.Unauthorized(
                "-1021", "Timestamp for this request was 1000ms ahead of the server's time."));
        assertThat(test.clock().get().skew()).isBetween(Duration.ofMillis(2_500), Duration.ofMillis(3_500));
        assertThat(test.clock().get().withinWindow()).isFalse();
        assertThat(test.warnings()).singleElement().asString().contains("ahead of BINANCE's");
    }

    @Test
    void a_clock_behind_the_venue_by_more_than_the_receive_window_is_refused() {
        fake.key(FakeBinance.Key.readAndTrade(API_KEY, SECRET));
        fake.clockOffset(Duration.ofSeconds(8));
        AccountProbe probe = reader.probe(credentials(API_KEY, SECRET));
        assertThat(probe.account().getLeft()).isEqualTo(new VenueFailure.Unauthorized("-1021",
                "Timestamp for this request is outside of the recvWindow."));
        assertThat(probe.clock().get().skew()).isBetween(Duration.ofMillis(-8_500), Duration.ofMillis(-7_500));
    }

    @Test
    void on_the_testnet_without_sapi_the_accounts_flags_stand_in_for_the_keys_permissions() {
        fake.testnet().key(FakeBinance.Key.readAndTrade(API_KEY, SECRET).withWithdrawals());
        KeyPermissions permissions = reader.probe(credentials(API_KEY, SECRET)).account().get().permissions();
        assertThat(permissions).isEqualTo(new KeyPermissions(true, true, true, KeyPermissions.Source.ACCOUNT));
    }

    @Test
    void the_secret_never_leaves_this_process_and_neither_it_nor_the_key_reaches_logs_or_results() {
        fake.key(FakeBinance.Key.readAndTrade(API_KEY, SECRET));
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String good = reader.probe(credentials(API_KEY, SECRET)).toString();
            String bad = reader.probe(credentials(API_KEY, SECRET.replace('N', 'M'))).toString();
            fake.refuseNext(1, 429, 1);
            String limited = reader.probe(credentials(API_KEY, SECRET)).toString();
            assertThat(good + bad + limited).doesNotContain(SECRET).doesNotContain(API_KEY);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(String.join("\n", logged)).doesNotContain(SECRET).doesNotContain(API_KEY);
        for (FakeVenueServer.Request request : fake.requests()) {
            assertThat(request.query()).doesNotContain(SECRET).doesNotContain(API_KEY);
            request.headers().forEach((name, value) -> {
                assertThat(value).doesNotContain(SECRET);
                if (!name.equalsIgnoreCase("X-MBX-APIKEY")) {
                    assertThat(value).doesNotContain(API_KEY);
                }
            });
        }
    }
}
