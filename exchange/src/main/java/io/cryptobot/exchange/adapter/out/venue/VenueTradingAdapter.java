package io.cryptobot.exchange.adapter.out.venue;

import io.cryptobot.exchange.adapter.out.venue.binance.BinanceApi;
import io.cryptobot.exchange.adapter.out.venue.binance.BinanceTrading;
import io.cryptobot.exchange.adapter.out.venue.binance.BinanceTradingConfig;
import io.cryptobot.exchange.application.port.out.OpenVenueTradingPort;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.venue.limits.RateLimiter;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live venues' trading adapters, by venue: Binance spot for now (OKX trading is not built). Every Binance adapter
 * shares the address's weight limiter ({@link BinanceApi}); adapters of one account (one API key) share its unfilled
 * order count, which Binance tracks per account. Accounts are told apart by a SHA-256 of the key, so the key itself
 * is kept nowhere but in the adapter that signs with it.
 */
@ApplicationScoped
class VenueTradingAdapter implements OpenVenueTradingPort {
    private final BinanceApi binance;
    private final BinanceTradingConfig binanceTrading;
    private final Map<String, RateLimiter> orderCounts = new ConcurrentHashMap<>();

    VenueTradingAdapter(BinanceApi binance, BinanceSettings settings) {
        this.binance = binance;
        BinanceSettings.Trading trading = settings.trading();
        this.binanceTrading = new BinanceTradingConfig(URI.create(trading.wsApiUrl()), trading.orderTimeout(),
                trading.queryTimeout(), trading.ordersPer10Seconds(), trading.ordersPerDay(),
                new StreamSettings(settings.stream().reconnectMin(), settings.stream().reconnectMax(),
                        trading.idleTimeout(), settings.stream().maxAge(), settings.stream().keepAlive()),
                transport(trading.orderTransport()));
    }

    /** {@code websocket} or {@code rest}, in any case; anything else is refused, naming the setting. */
    static BinanceTradingConfig.OrderTransport transport(String setting) {
        try {
            return BinanceTradingConfig.OrderTransport.valueOf(setting.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cryptobot.venues.binance.trading.order-transport must be websocket or"
                    + " rest, not '" + setting + "'");
        }
    }

    @Override
    public boolean supports(Venue venue) {
        return BinanceApi.VENUE.equals(venue);
    }

    @Override
    public VenueTrading open(Venue venue, Credentials credentials) {
        if (!supports(venue)) {
            throw new IllegalArgumentException("no trading adapter for " + venue);
        }
        RateLimiter orderCount = orderCounts.computeIfAbsent(fingerprint(credentials.apiKey()),
                k -> BinanceTrading.orderCountLimiter(binanceTrading));
        return new BinanceTrading(binance, binanceTrading, credentials, orderCount);
    }

    private static String fingerprint(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK");
        }
    }
}
