package io.cryptobot.app.support;

import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.exchange.fakevenue.FakeOkx;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the application's Binance and OKX adapters at fake venues on loopback ports ({@link FakeBinance},
 * {@link FakeOkx}, from exchange's test-jar), started once per test JVM and shared by every test; no test reaches a
 * real venue. A test scripts what it needs through {@link #binance()} and {@link #okx()} (its own symbols, keys,
 * series) and restores what it changes for everyone (the clock offset).
 */
public class FakeVenuesTestResource implements QuarkusTestResourceLifecycleManager {
    private static FakeBinance binance;
    private static FakeOkx okx;
    private static Map<String, String> properties;

    @Override
    public synchronized Map<String, String> start() {
        if (properties == null) {
            binance = FakeBinance.start();
            okx = FakeOkx.start();
            Map<String, String> config = new HashMap<>();
            config.put("cryptobot.venues.binance.rest-url", binance.restUrl().toString());
            config.put("cryptobot.venues.binance.ws-url", binance.wsUrl().toString());
            config.put("cryptobot.venues.binance.trading.ws-api-url", binance.wsApiUrl().toString());
            config.put("cryptobot.venues.binance.trading.idle-timeout", "PT1.5S");
            config.put("cryptobot.venues.binance.stream.reconnect-min", "PT0.05S");
            config.put("cryptobot.venues.binance.stream.reconnect-max", "PT0.5S");
            // a connection cut without a close frame is noticed by its silence (the JDK client does not always report
            // such a cut): the fake pings every 200 ms, and 1.5 s without a ping or a candle replaces the connection
            binance.pings(Duration.ofMillis(200), Duration.ofMinutes(1));
            config.put("cryptobot.venues.binance.stream.idle-timeout", "PT1.5S");
            config.put("cryptobot.venues.okx.rest-url", okx.restUrl().toString());
            config.put("cryptobot.venues.okx.ws-url", okx.wsUrl().toString());
            config.put("cryptobot.venues.okx.stream.reconnect-min", "PT0.05S");
            config.put("cryptobot.venues.okx.stream.reconnect-max", "PT0.5S");
            // likewise for OKX, whose clients ping: a ping after 200 ms of quiet, and 1.5 s without an answer or a
            // candle replaces the connection
            config.put("cryptobot.venues.okx.stream.keep-alive", "PT0.2S");
            config.put("cryptobot.venues.okx.stream.idle-timeout", "PT1.5S");
            properties = Map.copyOf(config);
        }
        return properties;
    }

    public static FakeBinance binance() {
        return binance;
    }

    public static FakeOkx okx() {
        return okx;
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; the servers end with it
    }
}
