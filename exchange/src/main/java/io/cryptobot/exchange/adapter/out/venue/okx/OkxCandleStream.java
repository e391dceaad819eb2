package io.cryptobot.exchange.adapter.out.venue.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.exchange.adapter.out.venue.ReconnectingStream;
import io.cryptobot.exchange.domain.venue.limits.OkxLimits;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import java.net.http.WebSocket;

/**
 * One candle channel on OKX's business WebSocket (Overview "WebSocket": Connect, Subscribe, Notification; Market
 * data "Candlesticks channel"): subscribes with {@code {"op":"subscribe","args":[{"channel":"candle1m","instId":
 * "BTC-USDT"}]}}, is connected once the {@code subscribe} event confirms it, and passes on rows
 * {@code [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm]} whose confirm is "1". After 20 s of quiet it sends the text
 * {@code ping} (OKX cuts connections silent for 30 s) and expects {@code pong}; an {@code error} event drops the
 * connection and retries with backoff; a {@code notice} (service upgrade within 60 s) reconnects at once.
 */
final class OkxCandleStream extends ReconnectingStream {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String instId;
    private final String channel;

    OkxCandleStream(OkxApi api, String instId, String channel, VenueMarketData.CandleStreamListener listener) {
        super("OKX " + instId + " " + channel, api.http(), api.config().wsUrl(), api.scheduler(),
                api.streamConnections(), OkxLimits.request(OkxLimits.WS_CONNECTIONS), api.config().streams(),
                api.clock(), listener);
        this.instId = instId;
        this.channel = channel;
    }

    @Override
    protected void opened(WebSocket socket) {
        socket.sendText(JSON.createObjectNode().put("op", "subscribe").set("args", JSON.createArrayNode()
                .add(JSON.createObjectNode().put("channel", channel).put("instId", instId))).toString(), true);
    }

    @Override
    protected void keepAlive(WebSocket socket) {
        socket.sendText("ping", true);
    }

    @Override
    protected void received(WebSocket socket, String message) {
        if ("pong".equals(message)) {
            return;
        }
        JsonNode event;
        try {
            event = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            return;
        }
        switch (event.path("event").asText("")) {
            case "subscribe" -> {
                if (matches(event.path("arg"))) {
                    connected();
                }
                return;
            }
            case "error" -> {
                refused(socket, "subscription refused (" + event.path("code").asText() + " "
                        + event.path("msg").asText() + ")");
                return;
            }
            case "notice" -> {
                restart(socket, "the venue announced a service upgrade");
                return;
            }
            default -> {
            }
        }
        if (!matches(event.path("arg"))) {
            return;
        }
        for (JsonNode row : event.path("data")) {
            if ("1".equals(row.path(8).asText())) {
                deliver(new VenueCandle(Json.epochMillis(row.path(0)), Json.decimal(row.path(1)),
                        Json.decimal(row.path(2)), Json.decimal(row.path(3)), Json.decimal(row.path(4)),
                        Json.decimal(row.path(5))));
            }
        }
    }

    private boolean matches(JsonNode arg) {
        return channel.equals(arg.path("channel").asText()) && instId.equals(arg.path("instId").asText());
    }
}
