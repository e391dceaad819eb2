package io.cryptobot.exchange.adapter.out.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.exchange.adapter.out.venue.Signatures;
import io.cryptobot.exchange.adapter.out.venue.VenueRest;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import io.cryptobot.exchange.domain.venue.limits.RateLimiter;
import io.cryptobot.exchange.domain.venue.limits.RequestCost;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.execution.VenueExecution;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * One account's trading on Binance spot (binance-spot-api-docs rest-api.md "Trading endpoints" and "Account
 * endpoints", user-data-stream.md), with its keys bound. Every call first takes its documented weight from the
 * address's shared limiter ({@link BinanceApi#limiter()}); a placement also takes one unit of the account's unfilled
 * order count ({@link BinanceLimits#orders}), which this adapter shares with every other adapter of the account.
 *
 * <p>Outcomes, as {@link VenueTrading} defines them:
 * <ul>
 *   <li>an answer with the order: {@code Accepted} / {@code Canceled};</li>
 *   <li>a refusal from the venue: placement {@code Rejected} with Binance's code (-2010 NEW_ORDER_REJECTED, -1013
 *   filter failures, -1121 invalid symbol, ...); cancel {@code NotOpen} for -2011 CANCEL_REJECTED ("Unknown order
 *   sent.") and -2013; a refused key or a request outside the receive window is {@code NotSent} (the order itself
 *   was not judged);</li>
 *   <li>our own budget spent, a 429 or 418 (the gate then stays closed for the {@code Retry-After}), a connection that
 *   never opened: {@code NotSent};</li>
 *   <li>a timeout after sending, a reset, a 5xx or -1006/-1007 ("execution status unknown", rest-api.md "HTTP Return
 *   Codes"): {@code Unknown}. Nothing here ever sends a placement or cancel twice: the caller resolves by
 *   {@link #query}.</li>
 * </ul>
 * Spot has no reduce-only flag: the session enforces {@link VenueOrder#reduceOnly()} before it calls here.
 *
 * <p>Placements travel as {@code order.place} on the WebSocket API connection the account's user-data stream keeps
 * open (web-socket-api.md "Place new order (TRADE)"), while it is subscribed and the transport is
 * {@link BinanceTradingConfig.OrderTransport#WEBSOCKET}; else, and when the connection goes before the request was
 * handed to its socket, by REST. The outcomes are the same: the answer's status and Binance's code are judged as
 * REST's, and a request handed to the socket whose answer does not come (the order timeout, the connection lost) is
 * {@code Unknown}, never sent again.
 */
public final class BinanceTrading implements VenueTrading {
    private static final String ORDER = "/api/v3/order";
    /** Binance's error codes, the same in WebSocket API answers as in REST ones (errors.md). */
    private static final BinanceDialect DIALECT = new BinanceDialect();
    private static final int UNKNOWN_ORDER_CANCEL = -2011;
    private static final int NO_SUCH_ORDER = -2013;
    private static final int MAX_TRADES = 1000;
    /** The widest time window of GET /api/v3/myTrades (rest-api.md "Account trade list"): 24 hours. */
    private static final long TRADES_WINDOW_MILLIS = Duration.ofHours(24).toMillis();
    private final BinanceApi api;
    private final BinanceTradingConfig config;
    private final Credentials credentials;
    private final RateLimiter orderCount;
    private final BinanceSymbols symbols;
    /** How many orders' client order ids are remembered, the most recently seen ({@link #clientIds}). */
    static final int KNOWN_ORDERS = 10_000;
    /**
     * Binance's order id to the client order id, learned from every answer: myTrades names only the former. Only the
     * {@code knownOrders} most recently seen are kept (a bot running for months would otherwise keep every order it
     * ever placed); a trade of an order forgotten here costs one GET /api/v3/order by orderId (weight 4), which
     * tells its client order id again.
     */
    private final java.util.Map<String, String> clientIds;
    /** The latest user-data stream: its WebSocket API connection carries placements while subscribed. */
    private volatile BinanceUserDataStream stream;
    /** The account's signer, its key set up once. */
    private final Signatures.HmacSha256 signer;
    /**
     * A placement is started on its caller's thread only while the REST client answered within this (and has
     * nothing in flight): its connection is then pooled (the JDK keeps an idle one 30 s), so starting needs neither
     * a name look-up nor a connect.
     */
    static final Duration WARM = Duration.ofSeconds(10);

    public BinanceTrading(BinanceApi api, BinanceTradingConfig config, Credentials credentials,
                          RateLimiter orderCount) {
        this(api, config, credentials, orderCount, KNOWN_ORDERS);
    }

    /** As the public constructor, remembering the client order ids of the {@code knownOrders} latest orders seen. */
    BinanceTrading(BinanceApi api, BinanceTradingConfig config, Credentials credentials, RateLimiter orderCount,
                   int knownOrders) {
        this.clientIds = java.util.Collections.synchronizedMap(new LinkedHashMap<String, String>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
                return size() > knownOrders;
            }
        });
        this.api = api;
        this.config = config;
        this.credentials = credentials;
        this.orderCount = orderCount;
        this.signer = new Signatures.HmacSha256(credentials.secret());
        this.symbols = new BinanceSymbols(new BinanceMarketData(api), api.clock());
    }

    /** A limiter for one account's unfilled order count, to share among that account's adapters. */
    public static RateLimiter orderCountLimiter(BinanceTradingConfig config) {
        return new RateLimiter(BinanceLimits.orders(config.ordersPer10Seconds(), config.ordersPerDay()),
                Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /**
     * POST /api/v3/order with {@code newClientOrderId} and {@code newOrderRespType=FULL}: symbol, side, type,
     * quantity, and per type (rest-api.md "New order", "Additional mandatory parameters"): LIMIT price and
     * timeInForce; STOP_LOSS / TAKE_PROFIT stopPrice; STOP_LOSS_LIMIT price, stopPrice and timeInForce. MARKET takes
     * no timeInForce. While the account's WebSocket API connection is open and subscribed (and the transport is
     * {@code WEBSOCKET}), {@code order.place} on it instead ({@link #placeAsync}), waited for here.
     */
    @Override
    public PlaceAnswer place(VenueOrder order) {
        java.util.Map<String, String> params = orderParameters(order);
        WsApiConnection ws = webSocketApi();
        if (ws != null) {
            return sendOverWebSocket(order, params, ws).fold(answer -> answer,
                    sent -> overWebSocket(order, params, sent.join()));
        }
        Either<VenueFailure.RateLimited, RequestCost> counted = orderCount.acquire(BinanceLimits.orderCount(),
                api.clock().now());
        if (counted.isLeft()) {
            return new PlaceAnswer.NotSent(counted.getLeft());
        }
        return placeAnswer(order, observed(signed("POST", BinanceLimits.newOrder(), ORDER, params,
                config.orderTimeout())));
    }

    /**
     * As {@link #place}, the request signed and started on the caller's thread (both limiters asked first, as
     * there) and its answer judged on {@code answers}. Over the WebSocket API whenever its connection is subscribed
     * (no name look-up, no connect: the frame is written on this thread, or queued behind the one being written).
     * Else by REST, started here only when the REST client most probably has an idle pooled connection (nothing in
     * flight, an answer within {@link #WARM}): opening a connection may wait on a name look-up, so otherwise the whole
     * placement runs on {@code answers}, as {@link #place}.
     */
    @Override
    public java.util.concurrent.CompletableFuture<PlaceAnswer> placeAsync(VenueOrder order,
                                                                         java.util.concurrent.Executor answers) {
        WsApiConnection ws = webSocketApi();
        if (ws != null) {
            java.util.Map<String, String> params = orderParameters(order);
            return sendOverWebSocket(order, params, ws).<java.util.concurrent.CompletableFuture<PlaceAnswer>>fold(
                    java.util.concurrent.CompletableFuture::completedFuture,
                    sent -> sent.thenApplyAsync(outcome -> overWebSocket(order, params, outcome), answers));
        }
        if (!api.idleConnectionLikely(WARM)) {
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> place(order), answers);
        }
        java.util.Map<String, String> params = orderParameters(order);
        Either<VenueFailure.RateLimited, RequestCost> counted = orderCount.acquire(BinanceLimits.orderCount(),
                api.clock().now());
        if (counted.isLeft()) {
            return java.util.concurrent.CompletableFuture.completedFuture(new PlaceAnswer.NotSent(counted.getLeft()));
        }
        return api.signedAsync("POST", BinanceLimits.newOrder(), ORDER, params, credentials.apiKey(), signer,
                config.orderTimeout(), answers).thenApply(answer -> placeAnswer(order, observed(answer)));
    }

    /** The subscribed WebSocket API connection orders may take, if the transport is the WebSocket API. */
    private WsApiConnection webSocketApi() {
        BinanceUserDataStream open = stream;
        return open == null || config.orderTransport() != BinanceTradingConfig.OrderTransport.WEBSOCKET ? null
                : open.orders();
    }

    /**
     * {@code order.place} (web-socket-api.md "Place new order (TRADE)"): the REST parameters plus {@code apiKey},
     * {@code recvWindow} and {@code timestamp}, signed as "SIGNED request example (HMAC)" says (every parameter but
     * {@code signature}, sorted by name, {@code name=value} joined with {@code &}, hex HMAC-SHA256), under a request
     * id of its own on the connection. Both limiters are asked first: the account's order count, then the address's
     * weight (web-socket-api.md "IP limits": shared with REST). Left: answered without sending.
     */
    private Either<PlaceAnswer, java.util.concurrent.CompletableFuture<WsApiConnection.Outcome>> sendOverWebSocket(
            VenueOrder order, java.util.Map<String, String> params, WsApiConnection ws) {
        java.time.Instant now = api.clock().now();
        Either<VenueFailure.RateLimited, RequestCost> counted = orderCount.acquire(BinanceLimits.orderCount(), now);
        if (counted.isLeft()) {
            return Either.left(new PlaceAnswer.NotSent(counted.getLeft()));
        }
        Either<VenueFailure.RateLimited, RequestCost> weighed = api.limiter().acquire(BinanceLimits.wsOrderPlace(),
                now);
        if (weighed.isLeft()) {
            return Either.left(new PlaceAnswer.NotSent(weighed.getLeft()));
        }
        String id = ws.nextId("order-");
        return Either.right(ws.request(id, signedRequest(id, "order.place", params), config.orderTimeout()));
    }

    /**
     * One signed request's frame: {@code {"id", "method", "params"}} (web-socket-api.md "Request format"), the
     * parameters as strings but {@code recvWindow} and {@code timestamp}, numbers as in the documentation's examples.
     */
    private String signedRequest(String id, String method, java.util.Map<String, String> params) {
        java.util.TreeMap<String, String> signed = new java.util.TreeMap<>(params);
        signed.put("apiKey", credentials.apiKey());
        signed.put("recvWindow", Long.toString(api.config().recvWindow().toMillis()));
        signed.put("timestamp", Long.toString(api.clock().now().toEpochMilli()));
        StringBuilder payload = new StringBuilder(256);
        for (java.util.Map.Entry<String, String> e : signed.entrySet()) {
            if (!payload.isEmpty()) {
                payload.append('&');
            }
            payload.append(e.getKey()).append('=').append(e.getValue());
        }
        String signature = signer.hex(payload.toString());
        StringBuilder json = new StringBuilder(payload.length() + 200).append("{\"id\":\"").append(id)
                .append("\",\"method\":\"").append(method).append("\",\"params\":{");
        com.fasterxml.jackson.core.io.JsonStringEncoder quote = com.fasterxml.jackson.core.io.JsonStringEncoder
                .getInstance();
        for (java.util.Map.Entry<String, String> e : signed.entrySet()) {
            json.append('"').append(e.getKey()).append("\":");
            if (e.getKey().equals("recvWindow") || e.getKey().equals("timestamp")) {
                json.append(e.getValue());
            } else {
                json.append('"').append(quote.quoteAsString(e.getValue())).append('"');
            }
            json.append(',');
        }
        return json.append("\"signature\":\"").append(signature).append("\"}}").toString();
    }

    /**
     * What an {@code order.place} came to, as REST's answer would: an answer is judged by {@link #wsAnswer}; a request
     * never handed to the socket (the connection went first) goes by REST now, the order count already taken (the
     * weight is taken again, an over-count of one); one handed to it without an answer is {@code Unknown}.
     */
    private PlaceAnswer overWebSocket(VenueOrder order, java.util.Map<String, String> params,
                                      WsApiConnection.Outcome outcome) {
        return switch (outcome) {
            case WsApiConnection.Outcome.Answered answered -> placeAnswer(order, wsAnswer(answered,
                    BinanceLimits.wsOrderPlace()));
            case WsApiConnection.Outcome.NotHanded notHanded -> placeAnswer(order, observed(signed("POST",
                    BinanceLimits.newOrder(), ORDER, params, config.orderTimeout())));
            case WsApiConnection.Outcome.Lost lost -> new PlaceAnswer.Unknown(new VenueFailure.Unavailable(
                    "WS order.place: " + lost.reason()));
        };
    }

    /**
     * A WebSocket API answer as {@link VenueRest} judges a REST one (web-socket-api.md "Status codes", "Rate
     * limits"): its {@code rateLimits} counts adopted first (REQUEST_WEIGHT into the address's limiter, ORDERS into the
     * account's, as the REST headers); 429 / 418 close the address's gate until {@code error.data.retryAfter} (a
     * time in ms: "IP limits", "Unfilled Order Count"), not processed; a 5xx is "execution status unknown"; other
     * errors by Binance's code ({@link BinanceDialect}: -1006/-1007/-1008 unknown, -1021/-1022/-2015 credentials,
     * else a refusal of the request).
     */
    private Either<VenueRest.Failure, JsonNode> wsAnswer(WsApiConnection.Outcome.Answered answered, RequestCost cost) {
        JsonNode frame = answered.frame();
        java.time.Instant at = answered.at();
        for (JsonNode limit : frame.path("rateLimits")) {
            String budget = switch (limit.path("rateLimitType").asText() + " " + limit.path("intervalNum").asInt()
                    + " " + limit.path("interval").asText()) {
                case "REQUEST_WEIGHT 1 MINUTE" -> BinanceLimits.REQUEST_WEIGHT;
                case "ORDERS 10 SECOND" -> BinanceLimits.ORDERS_10S;
                case "ORDERS 1 DAY" -> BinanceLimits.ORDERS_1D;
                default -> null;
            };
            if (budget != null && limit.path("count").isNumber()) {
                (budget.equals(BinanceLimits.REQUEST_WEIGHT) ? api.limiter() : orderCount).observeUsed(budget,
                        limit.path("count").asLong(), at);
            }
        }
        int status = frame.path("status").asInt();
        if (status == 200) {
            api.limiter().succeeded();
            return Either.right(frame.path("result"));
        }
        JsonNode error = frame.path("error");
        if (status == 429 || status == 418) {
            JsonNode data = error.path("data");
            Option<Duration> retryAfter = data.path("retryAfter").isNumber()
                    ? Option.some(Duration.ofMillis(Math.max(0, data.path("retryAfter").asLong()
                    - data.path("serverTime").asLong(at.toEpochMilli())))) : Option.none();
            return Either.left(new VenueRest.Failure(api.limiter().throttled(retryAfter, status == 418, at), false));
        }
        if (status >= 500) {
            return Either.left(new VenueRest.Failure(new VenueFailure.Unavailable(cost.endpoint() + ": status "
                    + status + " " + error.path("code").asText() + " " + error.path("msg").asText()), true));
        }
        api.limiter().succeeded();
        Option<VenueFailure> refusal = DIALECT.refusal(status, error);
        VenueFailure failure = refusal.getOrElse(() -> new VenueFailure.Rejected(status, "status_" + status,
                "status " + status + " without an error"));
        if (failure instanceof VenueFailure.RateLimited limited) {
            return Either.left(new VenueRest.Failure(api.limiter().throttled(Option.none(), limited.banned(), at),
                    false));
        }
        return Either.left(new VenueRest.Failure(failure, failure instanceof VenueFailure.Unavailable));
    }

    /**
     * symbol, side, type, quantity, and per type (rest-api.md "New order", "Additional mandatory parameters"): LIMIT
     * price and timeInForce; STOP_LOSS / TAKE_PROFIT stopPrice; STOP_LOSS_LIMIT price, stopPrice and timeInForce;
     * MARKET takes no timeInForce. Then {@code newClientOrderId} and {@code newOrderRespType=FULL}.
     */
    private java.util.Map<String, String> orderParameters(VenueOrder order) {
        java.util.Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbols.symbolOf(order.instrument()));
        params.put("side", order.side().name());
        params.put("type", BinanceOrders.typeOf(order.type()));
        if (order.type() != OrderType.MARKET && order.type().hasLimitPrice()) {
            params.put("timeInForce", order.timeInForce().name());
        }
        params.put("quantity", BinanceOrders.text(order.quantity().toBigDecimal()));
        order.limitPrice().forEach(price -> params.put("price", BinanceOrders.text(price.toBigDecimal())));
        order.triggerPrice().forEach(price -> params.put("stopPrice", BinanceOrders.text(price.toBigDecimal())));
        params.put("newClientOrderId", order.clientOrderId());
        params.put("newOrderRespType", "FULL");
        return params;
    }

    /** A REST answer's body, its order counts adopted ({@code X-MBX-ORDER-COUNT-*}). */
    private Either<VenueRest.Failure, JsonNode> observed(Either<VenueRest.Failure, VenueRest.Answer> answer) {
        answer.forEach(this::observeOrderCount);
        return answer.map(VenueRest.Answer::body);
    }

    private PlaceAnswer placeAnswer(VenueOrder order, Either<VenueRest.Failure, JsonNode> answer) {
        if (answer.isRight()) {
            return new PlaceAnswer.Accepted(remember(BinanceOrders.state(answer.get(), order.instrument())));
        }
        VenueRest.Failure failure = answer.getLeft();
        if (failure.maybeProcessed()) {
            return new PlaceAnswer.Unknown(failure.failure());
        }
        return failure.failure() instanceof VenueFailure.Rejected rejected
                ? new PlaceAnswer.Rejected(rejected.code(), rejected.message())
                : new PlaceAnswer.NotSent(failure.failure());
    }

    private Either<VenueRest.Failure, VenueRest.Answer> signed(String method, RequestCost cost, String path,
                                                               java.util.Map<String, String> params,
                                                               Duration timeout) {
        return api.signed(method, cost, path, params, credentials.apiKey(), signer, timeout);
    }

    /**
     * DELETE /api/v3/order by {@code origClientOrderId} (rest-api.md "Cancel order"); while the account's WebSocket
     * API connection is subscribed (transport {@code WEBSOCKET}), {@code order.cancel} on it (web-socket-api.md "Cancel
     * order (TRADE)", weight 1), judged as a placement's answer is ({@link #wsAnswer}): a request the connection lost
     * before it was handed to the socket goes by REST, one lost after it is {@code Unknown}.
     */
    @Override
    public CancelAnswer cancel(InstrumentId instrument, String clientOrderId) {
        java.util.Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbols.symbolOf(instrument));
        params.put("origClientOrderId", clientOrderId);
        WsApiConnection ws = webSocketApi();
        if (ws != null) {
            Either<VenueFailure.RateLimited, RequestCost> weighed = api.limiter().acquire(
                    BinanceLimits.wsOrderCancel(), api.clock().now());
            if (weighed.isLeft()) {
                return new CancelAnswer.NotSent(weighed.getLeft());
            }
            String id = ws.nextId("cancel-");
            WsApiConnection.Outcome outcome = ws.request(id, signedRequest(id, "order.cancel", params),
                    config.orderTimeout()).join();
            switch (outcome) {
                case WsApiConnection.Outcome.Answered answered -> {
                    return cancelAnswer(instrument, wsAnswer(answered, BinanceLimits.wsOrderCancel()));
                }
                case WsApiConnection.Outcome.Lost lost -> {
                    return new CancelAnswer.Unknown(new VenueFailure.Unavailable("WS order.cancel: " + lost.reason()));
                }
                case WsApiConnection.Outcome.NotHanded notHanded -> {
                    // nothing left: by REST below
                }
            }
        }
        return cancelAnswer(instrument, signed("DELETE", BinanceLimits.cancelOrder(), ORDER, params,
                config.orderTimeout()).map(VenueRest.Answer::body));
    }

    private CancelAnswer cancelAnswer(InstrumentId instrument, Either<VenueRest.Failure, JsonNode> answer) {
        if (answer.isRight()) {
            return new CancelAnswer.Canceled(remember(BinanceOrders.state(answer.get(), instrument)));
        }
        VenueRest.Failure failure = answer.getLeft();
        if (failure.maybeProcessed()) {
            return new CancelAnswer.Unknown(failure.failure());
        }
        if (failure.failure() instanceof VenueFailure.Rejected rejected && (code(rejected) == UNKNOWN_ORDER_CANCEL
                || code(rejected) == NO_SUCH_ORDER)) {
            return new CancelAnswer.NotOpen(rejected.code(), rejected.message());
        }
        return new CancelAnswer.NotSent(failure.failure());
    }

    /** GET /api/v3/order by {@code origClientOrderId} (weight 4); -2013 "Order does not exist." is none. */
    @Override
    public Either<VenueFailure, Option<VenueOrderState>> query(InstrumentId instrument, String clientOrderId) {
        java.util.Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbols.symbolOf(instrument));
        params.put("origClientOrderId", clientOrderId);
        Either<VenueRest.Failure, VenueRest.Answer> answer = signed("GET", BinanceLimits.queryOrder(), ORDER,
                params, config.queryTimeout());
        if (answer.isLeft() && answer.getLeft().failure() instanceof VenueFailure.Rejected rejected
                && code(rejected) == NO_SUCH_ORDER) {
            return Either.right(Option.none());
        }
        return answer.mapLeft(VenueRest.Failure::failure)
                .map(found -> Option.some(remember(BinanceOrders.state(found.body(), instrument))));
    }

    /** GET /api/v3/openOrders, weight 6 for one symbol and 80 for all. */
    @Override
    public Either<VenueFailure, List<VenueOrderState>> openOrders(Option<InstrumentId> instrument) {
        java.util.Map<String, String> params = new LinkedHashMap<>();
        instrument.forEach(i -> params.put("symbol", symbols.symbolOf(i)));
        return signed("GET", BinanceLimits.openOrders(instrument.isDefined()), "/api/v3/openOrders", params,
                        config.queryTimeout()).mapLeft(VenueRest.Failure::failure)
                .map(answer -> List.ofAll(answer.body()).flatMap(order -> symbols.instrument(order.path("symbol")
                        .asText()).map(i -> remember(BinanceOrders.state(order, i)))));
    }

    /**
     * Every trade of the account on {@code instrument} at or after {@code fromTime}, however long ago that is, by GET
     * /api/v3/myTrades (rest-api.md "Account trade list (USER_DATA)", weight 20 a page of at most 1000). A time
     * window may span at most 24 hours ("The time between startTime and endTime can't be longer than 24 hours"), so
     * a startTime alone cannot be trusted to reach a trade made two days later (a bot down for two days). Instead:
     * <ol>
     *   <li>the most recent page (symbol alone): when it holds fewer than 1000 trades, or reaches back to
     *   {@code fromTime}, it holds every trade since then: one request, as before;</li>
     *   <li>else, 24-hour windows from {@code fromTime} until one holds a trade (at the latest the window of the
     *   recent page's oldest trade), then by {@code fromId} ("it will get trades >= that fromId", no time limit)
     *   until the recent page is reached.</li>
     * </ol>
     * By {@code orderId} (weight 5, no time limit) would serve one order's trades, but reconciliation needs every
     * trade of the instrument, also of orders the platform does not know, so one method serves both. A trade names
     * its order by Binance's id only; the client order id comes from what this adapter has seen, else from GET
     * /api/v3/order by {@code orderId} (weight 4, once per order).
     */
    @Override
    public Either<VenueFailure, List<VenueExecution>> executions(InstrumentId instrument, long fromTime) {
        String symbol = symbols.symbolOf(instrument);
        java.util.TreeMap<Long, JsonNode> trades = new java.util.TreeMap<>();
        Either<VenueFailure, java.util.List<JsonNode>> recent = tradesPage(symbol, java.util.Map.of());
        if (recent.isLeft()) {
            return Either.left(recent.getLeft());
        }
        recent.get().forEach(trade -> trades.put(trade.path("id").asLong(), trade));
        long oldestTime = recent.get().stream().mapToLong(t -> t.path("time").asLong()).min().orElse(Long.MIN_VALUE);
        if (recent.get().size() >= MAX_TRADES && oldestTime > fromTime) {
            long oldestId = trades.firstKey();
            Either<VenueFailure, Long> first = firstTradeId(symbol, fromTime, oldestTime);
            if (first.isLeft()) {
                return Either.left(first.getLeft());
            }
            long from = first.get();
            while (from < oldestId) {
                Either<VenueFailure, java.util.List<JsonNode>> page = tradesPage(symbol,
                        java.util.Map.of("fromId", Long.toString(from)));
                if (page.isLeft()) {
                    return Either.left(page.getLeft());
                }
                page.get().forEach(trade -> trades.put(trade.path("id").asLong(), trade));
                if (page.get().size() < MAX_TRADES) {
                    break;
                }
                from = page.get().stream().mapToLong(t -> t.path("id").asLong()).max().getAsLong() + 1;
            }
        }
        List<VenueExecution> all = List.empty();
        for (JsonNode trade : trades.values()) {
            if (trade.path("time").asLong() < fromTime) {
                continue;
            }
            Either<VenueFailure, String> clientOrderId = clientOrderId(instrument, trade.path("orderId").asText());
            if (clientOrderId.isLeft()) {
                return Either.left(clientOrderId.getLeft());
            }
            all = all.append(execution(trade, clientOrderId.get(), instrument));
        }
        return Either.right(all);
    }

    /**
     * The id of the account's first trade at or after {@code fromTime}, read 24 hours at a time (the widest window
     * the venue answers) up to {@code until}, the time of a trade known to exist (so one window holds it).
     */
    private Either<VenueFailure, Long> firstTradeId(String symbol, long fromTime, long until) {
        for (long start = fromTime; start <= until; start += TRADES_WINDOW_MILLIS) {
            long end = Math.min(start + TRADES_WINDOW_MILLIS - 1, until);
            Either<VenueFailure, java.util.List<JsonNode>> window = tradesPage(symbol, java.util.Map.of(
                    "startTime", Long.toString(start), "endTime", Long.toString(end)));
            if (window.isLeft()) {
                return Either.left(window.getLeft());
            }
            if (!window.get().isEmpty()) {
                return Either.right(window.get().stream().mapToLong(t -> t.path("id").asLong()).min().getAsLong());
            }
        }
        return Either.right(Long.MAX_VALUE);
    }

    /** One page of GET /api/v3/myTrades for {@code symbol} with {@code more} parameters, at most 1000 trades. */
    private Either<VenueFailure, java.util.List<JsonNode>> tradesPage(String symbol, java.util.Map<String, String> more) {
        java.util.Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        params.putAll(new java.util.TreeMap<>(more));
        params.put("limit", Integer.toString(MAX_TRADES));
        return signed("GET", BinanceLimits.myTrades(false), "/api/v3/myTrades", params, config.queryTimeout())
                .mapLeft(VenueRest.Failure::failure).map(answer -> {
                    java.util.List<JsonNode> page = new java.util.ArrayList<>();
                    answer.body().forEach(page::add);
                    return page;
                });
    }

    /**
     * GET /api/v3/avgPrice (market-data-endpoints.md "Current average price", weight 2): {@code price}, the symbol's
     * weighted average over its {@code mins}; a missing or non-positive price is the venue's error, not a price.
     */
    @Override
    public Either<VenueFailure, BigDecimal> averagePrice(InstrumentId instrument) {
        return api.get(BinanceLimits.avgPrice(), "/api/v3/avgPrice", java.util.Map.of("symbol",
                symbols.symbolOf(instrument))).flatMap(answer -> {
                    BigDecimal price = Json.decimal(answer.body().path("price"));
                    return price.signum() > 0 ? Either.right(price)
                            : Either.left(new VenueFailure.Unavailable("avgPrice answered no price for "
                            + instrument));
                });
    }

    /** GET /api/v3/account (weight 20) with {@code omitZeroBalances}: free plus locked by asset. */
    @Override
    public Either<VenueFailure, Map<Asset, Money>> balances() {
        java.util.Map<String, String> params = new LinkedHashMap<>();
        params.put("omitZeroBalances", "true");
        return signed("GET", BinanceLimits.account(), "/api/v3/account", params,
                config.queryTimeout()).mapLeft(VenueRest.Failure::failure).map(answer -> {
                    Map<Asset, Money> held = HashMap.empty();
                    for (JsonNode balance : answer.body().path("balances")) {
                        BigDecimal total = Json.decimal(balance.path("free")).add(Json.decimal(balance.path("locked")));
                        Either<String, Asset> asset = Asset.parse(balance.path("asset").asText());
                        if (total.signum() != 0 && asset.isRight()) {
                            held = held.put(asset.get(), Money.of(total, asset.get()));
                        }
                    }
                    return held;
                });
    }

    /**
     * Starts the account's user-data stream; while its connection is subscribed, placements take it
     * ({@link #placeAsync}). The latest subscription is the one orders use.
     */
    @Override
    public Subscription subscribe(Listener listener) {
        BinanceUserDataStream opened = new BinanceUserDataStream(api, config, credentials, symbols, listener,
                this::remember);
        stream = opened;
        opened.start();
        return () -> {
            if (stream == opened) {
                stream = null;
            }
            opened.close();
        };
    }

    private Either<VenueFailure, String> clientOrderId(InstrumentId instrument, String orderId) {
        String known = clientIds.get(orderId);
        if (known != null) {
            return Either.right(known);
        }
        java.util.Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbols.symbolOf(instrument));
        params.put("orderId", orderId);
        return signed("GET", BinanceLimits.queryOrder(), ORDER, params, config.queryTimeout())
                .mapLeft(VenueRest.Failure::failure)
                .map(answer -> remember(BinanceOrders.state(answer.body(), instrument)).clientOrderId());
    }

    private VenueOrderState remember(VenueOrderState state) {
        clientIds.put(state.venueOrderId(), state.clientOrderId());
        return state;
    }

    /** How many orders' client order ids are remembered now. */
    int knownOrders() {
        return clientIds.size();
    }

    private void observeOrderCount(VenueRest.Answer answer) {
        answer.headers().firstValue("X-MBX-ORDER-COUNT-10S").ifPresent(used -> observe(BinanceLimits.ORDERS_10S, used,
                answer));
        answer.headers().firstValue("X-MBX-ORDER-COUNT-1D").ifPresent(used -> observe(BinanceLimits.ORDERS_1D, used,
                answer));
    }

    private void observe(String budget, String used, VenueRest.Answer answer) {
        try {
            orderCount.observeUsed(budget, Long.parseLong(used.strip()), answer.receivedAt());
        } catch (NumberFormatException e) {
            // a malformed header tells us nothing; our own count stands
        }
    }

    private static VenueExecution execution(JsonNode trade, String clientOrderId, InstrumentId instrument) {
        return new VenueExecution(clientOrderId, trade.path("orderId").asText(), instrument,
                trade.path("isBuyer").asBoolean() ? Side.BUY : Side.SELL, trade.path("id").asText(),
                BinanceOrders.quantity(trade.path("qty")), BinanceOrders.price(trade.path("price")),
                BinanceUserDataStream.commission(trade.path("commission"), trade.path("commissionAsset"),
                        instrument.quote()),
                trade.path("isMaker").asBoolean() ? LiquiditySide.MAKER : LiquiditySide.TAKER,
                trade.path("time").asLong());
    }

    private static int code(VenueFailure.Rejected rejected) {
        try {
            return Integer.parseInt(rejected.code());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
