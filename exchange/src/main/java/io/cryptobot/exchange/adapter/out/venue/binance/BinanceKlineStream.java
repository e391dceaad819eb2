package io.cryptobot.exchange.adapter.out.venue.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.exchange.adapter.out.venue.ReconnectingStream;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import java.net.URI;
import java.net.http.WebSocket;

/**
 * One raw kline stream (web-socket-streams.md): events {@code {"e":"kline", "k": {"t", "o", "h", "l", "c", "v",
 * "x", ...}}} every two seconds while the kline is open; {@code k.x} true marks the kline's last update, the only one
 * passed on. A raw stream needs no subscription, so the connection counts as connected once open. Binance pings every
 * 20 s and expects a pong with the ping's payload (the JDK client sends it); {@code serverShutdown} announces a
 * disconnection, answered by reconnecting at once.
 */
final class BinanceKlineStream extends ReconnectingStream {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String symbol;
    private final Timeframe timeframe;

    BinanceKlineStream(BinanceApi api, URI uri, String symbol, Timeframe timeframe,
                       VenueMarketData.CandleStreamListener listener) {
        super("BINANCE " + symbol + " " + timeframe.code(), api.http(), uri, api.scheduler(), api.streamConnections(),
                BinanceLimits.streamConnection(), api.config().streams(), api.clock(), listener);
        this.symbol = symbol;
        this.timeframe = timeframe;
    }

    @Override
    protected void opened(WebSocket socket) {
        connected();
    }

    @Override
    protected void received(WebSocket socket, String message) {
        JsonNode event;
        try {
            event = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            return;
        }
        String type = event.path("e").asText();
        if ("serverShutdown".equals(type)) {
            restart(socket, "the venue announced a server shutdown");
            return;
        }
        JsonNode kline = event.path("k");
        if (!"kline".equals(type) || !kline.path("x").asBoolean(false) || !symbol.equals(kline.path("s").asText())
                || !timeframe.code().equals(kline.path("i").asText())) {
            return;
        }
        deliver(new VenueCandle(kline.path("t").asLong(), Json.decimal(kline.path("o")), Json.decimal(kline.path("h")),
                Json.decimal(kline.path("l")), Json.decimal(kline.path("c")), Json.decimal(kline.path("v"))));
    }
}
