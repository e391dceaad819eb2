package io.cryptobot.exchange.adapter.out.venue.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.exchange.adapter.out.venue.ReconnectingStream;
import io.cryptobot.exchange.adapter.out.venue.Signatures;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.cryptobot.kernel.domain.execution.VenueUpdate;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.vavr.control.Option;
import java.net.http.WebSocket;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One account's user-data stream over the WebSocket API (user-data-stream.md "General information": "Subscribe via
 * the WebSocket API using an API Key"): once the connection is open it sends {@code userDataStream.subscribe.signature}
 * (web-socket-api.md "Subscribe to User Data Stream through signature subscription"; weight 2) signed as
 * web-socket-api.md "SIGNED request example (HMAC)" says: every parameter but {@code signature}, sorted by name,
 * {@code name=value} joined with {@code &}, hex HMAC-SHA256 with the secret. The stream counts as connected when the
 * venue answers status 200 with a {@code subscriptionId}; a refusal drops the connection and retries with backoff.
 *
 * <p>Events arrive as {@code {"subscriptionId": n, "event": {...}}}. {@code executionReport} ("Order Update") becomes
 * a {@link VenueUpdate}: the report by execution type {@code x} (NEW accepted, TRADE a fill with trade id {@code t},
 * CANCELED, EXPIRED and TRADE_PREVENTION expired, REJECTED) and the order's state after it from {@code X}, {@code q},
 * {@code z}, {@code p}. On a cancel, {@code c} is the cancel request's own id and {@code C} the canceled order's: the
 * order is named by {@code C} then. {@code eventStreamTerminated} and {@code serverShutdown} replace the connection;
 * the venue pings every 20 s and the JDK client answers with the ping's payload; the connection is replaced before its
 * 24 hours run out ({@link io.cryptobot.exchange.adapter.out.venue.StreamSettings#maxAge}).
 *
 * <p>There is no replay: events sent while the stream was down are lost, which is why the listener hears
 * {@code onConnected(true)} after every gap and reconciles by REST.
 *
 * <p>The same connection carries the account's order requests ({@link #orders()}, used by {@link BinanceTrading}):
 * once subscribed, requests sent through {@link WsApiConnection} are answered on it by id, and a frame that answers
 * one of them is not read as a subscription's answer. An answer whose request was given up (its timeout passed) is
 * dropped.
 */
final class BinanceUserDataStream extends ReconnectingStream {
    private static final Logger LOG = Logger.getLogger(BinanceUserDataStream.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIBE = "subscribe-";
    private final Credentials credentials;
    private final BinanceApi api;
    private final BinanceSymbols symbols;
    private final VenueTrading.Listener listener;
    private final Consumer<VenueOrderState> seen;
    private final AtomicLong requestIds = new AtomicLong();
    /** The current connection's requests; null between connections. */
    private volatile WsApiConnection current;
    /** {@link #current} once its subscription is answered: where orders may go. */
    private volatile WsApiConnection subscribed;

    BinanceUserDataStream(BinanceApi api, BinanceTradingConfig config, Credentials credentials, BinanceSymbols symbols,
                          VenueTrading.Listener listener, Consumer<VenueOrderState> seen) {
        super("BINANCE user data " + credentials.hint(), api.http(), config.wsApiUrl(), api.scheduler(),
                api.streamConnections(), BinanceLimits.streamConnection(), config.stream(), api.clock(),
                new Gaps(listener));
        this.api = api;
        this.credentials = credentials;
        this.symbols = symbols;
        this.listener = listener;
        this.seen = seen;
    }

    /** Tells the trading listener whether a (re)connection follows a gap: every one after the first does. */
    private static final class Gaps implements VenueMarketData.CandleStreamListener {
        private final VenueTrading.Listener listener;
        private boolean connectedBefore;

        Gaps(VenueTrading.Listener listener) {
            this.listener = listener;
        }

        @Override
        public void onClosedCandle(VenueCandle candle) {
            throw new IllegalStateException("a user-data stream carries no candles");
        }

        @Override
        public synchronized void onConnected() {
            boolean afterGap = connectedBefore;
            connectedBefore = true;
            listener.onConnected(afterGap);
        }

        @Override
        public void onDisconnected(String reason) {
            listener.onDisconnected(reason);
        }
    }

    @Override
    protected void opened(WebSocket socket) {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("apiKey", credentials.apiKey());
        params.put("recvWindow", Long.toString(api.config().recvWindow().toMillis()));
        params.put("timestamp", Long.toString(api.clock().now().toEpochMilli()));
        String payload = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        ObjectNode request = JSON.createObjectNode().put("id", SUBSCRIBE + requestIds.incrementAndGet())
                .put("method", "userDataStream.subscribe.signature");
        ObjectNode body = request.putObject("params");
        body.put("apiKey", credentials.apiKey());
        body.put("recvWindow", api.config().recvWindow().toMillis());
        body.put("timestamp", Long.parseLong(params.get("timestamp")));
        body.put("signature", Signatures.hmacSha256Hex(credentials.secret(), payload));
        WsApiConnection connection = new WsApiConnection(socket, api.scheduler());
        current = connection;
        connection.send(request.toString());
    }

    /** The connection's requests, while it is open and subscribed (else none: orders go by REST). */
    WsApiConnection orders() {
        return subscribed;
    }

    @Override
    protected void dropped(WebSocket socket, String reason) {
        WsApiConnection connection = current;
        if (connection != null && connection.on(socket)) {
            subscribed = null;
            current = null;
            connection.close(reason);
        }
    }

    @Override
    protected void received(WebSocket socket, String message) {
        JsonNode frame;
        try {
            frame = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            return;
        }
        WsApiConnection connection = current;
        String id = frame.path("id").asText("");
        if (connection != null && connection.on(socket) && !id.isEmpty()
                && connection.answered(id, frame, api.clock().now())) {
            return;
        }
        if (frame.has("status")) {
            if (!id.startsWith(SUBSCRIBE)) {
                return; // the answer to a request given up after its timeout
            }
            if (frame.path("status").asInt() == 200 && frame.path("result").has("subscriptionId")) {
                healthy();
                if (connection != null && connection.on(socket)) {
                    subscribed = connection;
                }
                connected();
            } else {
                // the message is the venue's (e.g. -2015 "Invalid API-key, IP, or permissions"), never our secret
                refused(socket, "subscription refused: " + frame.path("status").asInt() + " "
                        + frame.path("error").path("code").asText() + " " + frame.path("error").path("msg").asText());
            }
            return;
        }
        JsonNode event = frame.path("event");
        switch (event.path("e").asText()) {
            case "executionReport" -> update(event).forEach(update -> {
                seen.accept(update.after());
                try {
                    listener.onUpdate(update);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "BINANCE user data: the listener failed on a report", e);
                }
            });
            case "eventStreamTerminated" -> restart(socket, "the venue ended the subscription");
            case "serverShutdown" -> restart(socket, "the venue announced a server shutdown");
            default -> {
                // outboundAccountPosition, balanceUpdate, listStatus, externalLockUpdate: balances are read by REST
            }
        }
    }

    private Option<VenueUpdate> update(JsonNode e) {
        Option<InstrumentId> instrument = symbols.instrument(e.path("s").asText());
        if (instrument.isEmpty()) {
            LOG.log(Level.WARNING, "BINANCE user data: a report on {0}, a symbol the platform cannot name, skipped",
                    e.path("s").asText());
            return Option.none();
        }
        String executionType = e.path("x").asText();
        String original = e.path("C").asText("");
        String clientOrderId = "CANCELED".equals(executionType) && !original.isEmpty() ? original
                : e.path("c").asText();
        long time = e.path("T").asLong(e.path("E").asLong());
        OrderType type = BinanceOrders.typeFrom(e.path("o").asText());
        VenueOrderState after = new VenueOrderState(clientOrderId, e.path("i").asText(), instrument.get(),
                Side.valueOf(e.path("S").asText()), type, BinanceOrders.quantity(e.path("q")),
                BinanceOrders.quantity(e.path("z")), type.hasLimitPrice()
                ? Option.some(BinanceOrders.price(e.path("p"))) : Option.none(),
                BinanceOrders.statusFrom(e.path("X").asText()), time);
        Option<VenueReport> report = switch (executionType) {
            case "NEW" -> Option.some(new VenueReport.Accepted(clientOrderId, e.path("i").asText(), time));
            case "TRADE" -> Option.some(new VenueReport.Filled(clientOrderId, e.path("t").asText(),
                    BinanceOrders.quantity(e.path("l")), BinanceOrders.price(e.path("L")),
                    commission(e.path("n"), e.path("N"), instrument.get().quote()), e.path("m").asBoolean() ? LiquiditySide.MAKER
                    : LiquiditySide.TAKER, time));
            case "CANCELED" -> Option.some(new VenueReport.Canceled(clientOrderId,
                    "EXCHANGE_CANCELED".equals(e.path("eR").asText()) ? "canceled by the venue" : "canceled", time));
            case "EXPIRED", "TRADE_PREVENTION" -> Option.some(new VenueReport.Expired(clientOrderId, time));
            case "REJECTED" -> Option.some(new VenueReport.Rejected(clientOrderId, e.path("r").asText(), time));
            default -> Option.none(); // REPLACED, AMENDMENT: the platform neither sends nor follows them
        };
        return report.map(r -> new VenueUpdate(r, after));
    }

    /**
     * A commission in the asset it was charged in; a trade without a commission asset ({@code N} null, a zero-fee
     * trade) is charged zero of the quote.
     */
    static Money commission(JsonNode amount, JsonNode asset, Asset quote) {
        Option<Asset> charged = asset.isNull() || asset.isMissingNode() || asset.asText().isEmpty() ? Option.none()
                : Asset.parse(asset.asText()).toOption();
        return charged.map(a -> Money.of(Json.decimal(amount), a)).getOrElse(() -> Money.zero(quote, 0));
    }
}
