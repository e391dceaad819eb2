package io.cryptobot.exchange.adapter.out.venue;

import io.cryptobot.exchange.adapter.out.venue.binance.BinanceAccountReader;
import io.cryptobot.exchange.adapter.out.venue.binance.BinanceApi;
import io.cryptobot.exchange.adapter.out.venue.binance.BinanceConfig;
import io.cryptobot.exchange.adapter.out.venue.binance.BinanceMarketData;
import io.cryptobot.exchange.adapter.out.venue.okx.OkxAccountReader;
import io.cryptobot.exchange.adapter.out.venue.okx.OkxApi;
import io.cryptobot.exchange.adapter.out.venue.okx.OkxConfig;
import io.cryptobot.exchange.adapter.out.venue.okx.OkxMarketData;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * The live venues' adapters as beans, built from configuration: per venue one transport (its HTTP client, rate
 * limiter and stream threads, shared by market data and account reads, since the venue's limits are per address),
 * its {@link VenueMarketData} and its {@link VenueAccountReader}. Other contexts find a venue's market data with
 * {@code @Any Instance<VenueMarketData>} and {@link VenueMarketData#venue()}.
 */
@Singleton
class VenueAdapters {

    @Produces
    @Singleton
    BinanceApi binanceApi(BinanceSettings settings, Clock clock) {
        return new BinanceApi(new BinanceConfig(URI.create(settings.restUrl()), URI.create(settings.wsUrl()),
                settings.recvWindow(), settings.weightPerMinute(), settings.requestTimeout(),
                streams(settings.stream().reconnectMin(), settings.stream().reconnectMax(),
                        settings.stream().idleTimeout(), settings.stream().maxAge(), settings.stream().keepAlive())),
                clock);
    }

    void closeBinance(@Disposes BinanceApi api) {
        api.close();
    }

    @Produces
    @Singleton
    @Typed({BinanceMarketData.class, VenueMarketData.class})
    BinanceMarketData binanceMarketData(BinanceApi api) {
        return new BinanceMarketData(api);
    }

    void closeBinanceStreams(@Disposes BinanceMarketData marketData) {
        marketData.close();
    }

    @Produces
    @Singleton
    @Typed({BinanceAccountReader.class, VenueAccountReader.class})
    BinanceAccountReader binanceAccounts(BinanceApi api) {
        return new BinanceAccountReader(api);
    }

    @Produces
    @Singleton
    OkxApi okxApi(OkxSettings settings, Clock clock) {
        return new OkxApi(new OkxConfig(URI.create(settings.restUrl()), URI.create(settings.wsUrl()),
                settings.simulatedTrading(), settings.requestTimeout(),
                streams(settings.stream().reconnectMin(), settings.stream().reconnectMax(),
                        settings.stream().idleTimeout(), settings.stream().maxAge(), settings.stream().keepAlive())),
                clock);
    }

    void closeOkx(@Disposes OkxApi api) {
        api.close();
    }

    @Produces
    @Singleton
    @Typed({OkxMarketData.class, VenueMarketData.class})
    OkxMarketData okxMarketData(OkxApi api) {
        return new OkxMarketData(api);
    }

    void closeOkxStreams(@Disposes OkxMarketData marketData) {
        marketData.close();
    }

    @Produces
    @Singleton
    @Typed({OkxAccountReader.class, VenueAccountReader.class})
    OkxAccountReader okxAccounts(OkxApi api) {
        return new OkxAccountReader(api);
    }

    private static StreamSettings streams(java.time.Duration reconnectMin, java.time.Duration reconnectMax,
                                          java.time.Duration idle, java.time.Duration maxAge,
                                          java.time.Duration keepAlive) {
        return new StreamSettings(reconnectMin, reconnectMax, idle, maxAge, keepAlive);
    }
}
