package io.cryptobot.exchange.adapter.out.venue.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.adapter.out.venue.StreamSettings;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.exchange.fakevenue.FakeSpotEngine;
import io.cryptobot.exchange.fakevenue.FakeVenueServer;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.VenueExecution;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.cryptobot.kernel.domain.execution.VenueUpdate;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BinanceTradingTest {
    static final InstrumentId BTC_USDT = new InstrumentId(BinanceApi.VENUE, new Asset("BTC"), new Asset("USDT"));
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String KEY = "trader-key-0001";
    private final FakeBinance fake = FakeBinance.start()
            .symbol("BTC", "USDT", "TRADING", "0.01", "0.00001", "5")
            .key(new FakeBinance.Key(KEY, "trader-secret-0001", true, false, true, false, Map.of(
                    "USDT", new BigDecimal[] {new BigDecimal("10000"), BigDecimal.ZERO},
                    "BTC", new BigDecimal[] {new BigDecimal("1"), BigDecimal.ZERO},
                    "BNB", new BigDecimal[] {new BigDecimal("10"), BigDecimal.ZERO})));
    private BinanceApi api;
    private BinanceTrading trading;
    private BinanceTradingConfig config;
    private io.cryptobot.exchange.domain.venue.limits.RateLimiter orderCount;
    private int ids;
    /** The user-data stream's subscription, when a test opened one ({@link #subscribed()}). */
    private VenueTrading.Subscription subscription;
    private final List<String> connections = Collections.synchronizedList(new ArrayList<>());
    private final List<VenueUpdate> updates = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void connect() {
        connect(Duration.ofSeconds(2));
    }

    void connect(Duration orderTimeout) {
        connect(orderTimeout, BinanceTradingConfig.OrderTransport.WEBSOCKET);
    }

    void connect(Duration orderTimeout, BinanceTradingConfig.OrderTransport transport) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (api != null) {
            api.close();
        }
        api = new BinanceApi(BinanceConfig.production().withUrls(fake.restUrl(), fake.wsUrl()), Instant::now);
        config = BinanceTradingConfig.production().withWsApiUrl(fake.wsApiUrl())
                .withTimeouts(orderTimeout, Duration.ofSeconds(5))
                .withStream(new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(600),
                        Duration.ofHours(1), Duration.ofMillis(200)))
                .withOrderTransport(transport);
        fake.pings(Duration.ofMillis(100), Duration.ofMinutes(1));
        orderCount = BinanceTrading.orderCountLimiter(config);
        trading = new BinanceTrading(api, config, Credentials.checked(KEY, "trader-secret-0001", null).get(),
                orderCount);
        fake.engine().lastPrice("BTCUSDT", "50000");
    }

    /** Opens the account's user-data stream and waits until it is subscribed: its connection then carries orders. */
    void subscribed() {
        connections.clear();
        updates.clear();
        subscription = trading.subscribe(new VenueTrading.Listener() {
            @Override
            public void onUpdate(VenueUpdate update) {
                updates.add(update);
            }

            @Override
            public void onConnected(boolean afterGap) {
                connections.add(afterGap ? "after gap" : "first");
            }

            @Override
            public void onDisconnected(String reason) {
                connections.add("down");
            }
        });
        Eventually.until(WAIT, "subscribed", () -> connections.contains("first"));
    }

    /**
     * A 429 with a Retry-After of 3 s on the first placement: not sent, and the address's gate holds the next
     * placement and a read back without sending anything.
     */
    void aRefusalAsTooManyHoldsEveryCallBack(java.util.function.Function<VenueOrder, VenueTrading.PlaceAnswer> placing) {
        fake.failNext("POST", "/api/v3/order", FakeBinance.Fault.tooMany(3));
        VenueOrder order = limit(Side.BUY, "0.01", "49000");

        VenueTrading.PlaceAnswer refused = placing.apply(order);
        int sent = fake.requests().size();
        VenueTrading.PlaceAnswer held = placing.apply(limit(Side.BUY, "0.01", "49000"));
        var query = trading.openOrders(Option.none());

        assertThat(refused).isInstanceOf(VenueTrading.PlaceAnswer.NotSent.class);
        VenueFailure.RateLimited limited = (VenueFailure.RateLimited)
                ((VenueTrading.PlaceAnswer.NotSent) refused).failure();
        assertThat(limited.retryAfter()).isGreaterThan(Duration.ofMillis(2500));
        assertThat(held).isInstanceOf(VenueTrading.PlaceAnswer.NotSent.class);
        assertThat(query.getLeft()).isInstanceOf(VenueFailure.RateLimited.class);
        assertThat(fake.requests()).hasSize(sent);
        assertThat(fake.engine().placed(KEY, order.clientOrderId())).isZero();
    }

    long restPlacements() {
        return fake.placements().stream().filter(r -> r.method().equals("POST")).count();
    }

    long webSocketPlacements() {
        return fake.placements().stream().filter(r -> r.method().equals("WS")).count();
    }

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        api.close();
        fake.close();
    }

    /** Whether the nested class places through {@link BinanceTrading#placeAsync} (its answer judged inline). */
    boolean withoutBlocking;

    /**
     * {@code on.place(order)}, or through {@code placeAsync} after a read, so that the client has an idle pooled
     * connection and the request is started on this thread.
     */
    VenueTrading.PlaceAnswer place(BinanceTrading on, VenueOrder order) {
        if (!withoutBlocking) {
            return on.place(order);
        }
        on.balances();
        return on.placeAsync(order, Runnable::run).join();
    }

    VenueOrder limit(Side side, String quantity, String price) {
        return new VenueOrder("cid-" + ++ids, BTC_USDT, side, OrderType.LIMIT, qty(quantity),
                Option.some(Price.parse(price, 2).get()), Option.none(), TimeInForce.GTC, false);
    }

    VenueOrder market(Side side, String quantity) {
        return new VenueOrder("cid-" + ++ids, BTC_USDT, side, OrderType.MARKET, qty(quantity), Option.none(),
                Option.none(), TimeInForce.GTC, false);
    }

    static Quantity qty(String text) {
        return Quantity.parse(text, 5).get();
    }

    static VenueOrderState accepted(VenueTrading.PlaceAnswer answer) {
        assertThat(answer).isInstanceOf(VenueTrading.PlaceAnswer.Accepted.class);
        return ((VenueTrading.PlaceAnswer.Accepted) answer).state();
    }

    @Nested
    class Placing {
        @Test
        void a_resting_limit_order_is_accepted_open_and_listed() {
            VenueOrder order = limit(Side.BUY, "0.01", "49000");

            VenueOrderState state = accepted(place(trading, order));

            assertThat(state.clientOrderId()).isEqualTo(order.clientOrderId());
            assertThat(state.status()).isEqualTo(VenueOrderState.Status.NEW);
            assertThat(state.executed().units()).isZero();
            assertThat(trading.openOrders(Option.some(BTC_USDT)).get()).extracting(VenueOrderState::clientOrderId)
                    .containsExactly(order.clientOrderId());
            assertThat(trading.openOrders(Option.none()).get()).hasSize(1);
            assertThat(fake.placements().getFirst().param("newClientOrderId")).isEqualTo(order.clientOrderId());
        }

        @Test
        void a_market_order_fills_at_once_and_its_trade_is_in_the_history_with_its_client_id() {
            VenueOrder order = market(Side.BUY, "0.02");

            VenueOrderState state = accepted(place(trading, order));

            assertThat(state.status()).isEqualTo(VenueOrderState.Status.FILLED);
            assertThat(state.executed().compareTo(qty("0.02"))).isZero();
            List<VenueExecution> executions = trading.executions(BTC_USDT, 0).get().toJavaList();
            assertThat(executions).hasSize(1);
            assertThat(executions.get(0).clientOrderId()).isEqualTo(order.clientOrderId());
            assertThat(executions.get(0).price().toBigDecimal()).isEqualByComparingTo("50000");
            assertThat(executions.get(0).liquidity()).isEqualTo(LiquiditySide.TAKER);
        }

        @Test
        void a_filter_failure_is_rejected_with_binances_code_and_message() {
            VenueTrading.PlaceAnswer tick = place(trading, limit(Side.BUY, "0.01", "49000.005".substring(0, 8)));
            VenueTrading.PlaceAnswer lot = place(trading, new VenueOrder("cid-lot", BTC_USDT, Side.BUY,
                    OrderType.LIMIT, Quantity.parse("0.000015", 6).get(), Option.some(Price.parse("49000", 2).get()),
                    Option.none(), TimeInForce.GTC, false));
            VenueTrading.PlaceAnswer notional = place(trading, limit(Side.BUY, "0.00001", "49000"));
            VenueTrading.PlaceAnswer price = place(trading, new VenueOrder("cid-tick", BTC_USDT, Side.BUY,
                    OrderType.LIMIT, qty("0.01"), Option.some(Price.parse("49000.005", 3).get()), Option.none(),
                    TimeInForce.GTC, false));

            assertThat(tick).isInstanceOf(VenueTrading.PlaceAnswer.Accepted.class);
            assertThat(lot).isEqualTo(new VenueTrading.PlaceAnswer.Rejected("-1013", "Filter failure: LOT_SIZE"));
            assertThat(notional).isEqualTo(new VenueTrading.PlaceAnswer.Rejected("-1013", "Filter failure: NOTIONAL"));
            assertThat(price).isEqualTo(new VenueTrading.PlaceAnswer.Rejected("-1013", "Filter failure: PRICE_FILTER"));
        }

        @Test
        void the_average_price_is_the_venues_and_its_band_refuses_a_price_outside_it_with_1013() {
            fake.percentPriceBySide("BTCUSDT", "1.05", "0.80", "1.20", "0.95", 5);
            fake.engine().averagePrice("BTCUSDT", "48000");
            assertThat(trading.averagePrice(BTC_USDT).get()).isEqualByComparingTo("48000");
            // 48000 x 1.05 = 50400: a buy at 50400.01 is outside, 50400.00 inside
            assertThat(place(trading, limit(Side.BUY, "0.01", "50400.01"))).isEqualTo(
                    new VenueTrading.PlaceAnswer.Rejected("-1013", "Filter failure: PERCENT_PRICE_BY_SIDE"));
            assertThat(place(trading, new VenueOrder("cid-in-band", BTC_USDT, Side.BUY, OrderType.LIMIT,
                    qty("0.01"), Option.some(Price.parse("50400.00", 2).get()), Option.none(), TimeInForce.GTC,
                    false))).isInstanceOf(VenueTrading.PlaceAnswer.Accepted.class);
        }

        @Test
        void an_order_the_account_cannot_pay_and_a_client_id_in_use_are_rejected_as_2010() {
            VenueOrder first = limit(Side.BUY, "0.01", "49000");
            accepted(place(trading, first));

            VenueTrading.PlaceAnswer again = place(trading, first);
            VenueTrading.PlaceAnswer tooBig = place(trading, limit(Side.BUY, "1", "49000"));

            assertThat(again).isEqualTo(new VenueTrading.PlaceAnswer.Rejected("-2010", "Duplicate order sent."));
            assertThat(tooBig).isEqualTo(new VenueTrading.PlaceAnswer.Rejected("-2010",
                    "Account has insufficient balance for requested action."));
            assertThat(fake.engine().placed(KEY, first.clientOrderId())).isEqualTo(1);
        }
    }

    /** The placement tests again through {@link BinanceTrading#placeAsync}, started on the test's thread. */
    @Nested
    class PlacingWithoutBlocking extends Placing {
        @BeforeEach
        void warm() {
            withoutBlocking = true;
        }

        @Test
        void with_a_pooled_connection_the_order_leaves_before_place_async_returns_its_answer_judged_on_the_executor() {
            trading.balances();
            List<Runnable> answers = Collections.synchronizedList(new ArrayList<>());
            VenueOrder order = limit(Side.BUY, "0.01", "49000");

            var answer = trading.placeAsync(order, answers::add);

            Eventually.until(WAIT, "the order at the venue", () -> fake.engine().placed(KEY, order.clientOrderId()) == 1);
            Eventually.until(WAIT, "the answer's task", () -> !answers.isEmpty());
            assertThat(answer).isNotDone();
            answers.forEach(Runnable::run);
            assertThat(accepted(answer.join()).clientOrderId()).isEqualTo(order.clientOrderId());
        }

        @Test
        void without_a_recent_answer_the_whole_placement_runs_on_the_executor() {
            List<Runnable> calls = Collections.synchronizedList(new ArrayList<>());
            VenueOrder order = limit(Side.BUY, "0.01", "49000");

            var answer = trading.placeAsync(order, calls::add);

            assertThat(calls).hasSize(1);
            assertThat(fake.count("/api/v3/order")).isZero();
            calls.getFirst().run();
            assertThat(accepted(answer.join()).clientOrderId()).isEqualTo(order.clientOrderId());
            assertThat(fake.engine().placed(KEY, order.clientOrderId())).isEqualTo(1);
        }
    }

    /** The placement tests again over the WebSocket API: the account's stream subscribed first. */
    @Nested
    class PlacingOverTheWebSocketApi extends Placing {
        @BeforeEach
        void open() {
            subscribed();
        }

        @AfterEach
        void noneByRest() {
            assertThat(restPlacements()).as("placements by REST").isZero();
            assertThat(webSocketPlacements()).as("placements by the WebSocket API").isPositive();
        }
    }

    @Nested
    class OverTheWebSocketApi {
        VenueTrading.PlaceAnswer placeAsync(VenueOrder order) {
            return trading.placeAsync(order, Runnable::run).join();
        }

        @Test
        void a_market_order_goes_as_a_signed_order_place_and_its_full_answer_says_it_filled() {
            subscribed();
            VenueOrder order = market(Side.BUY, "0.02");

            VenueOrderState state = accepted(placeAsync(order));

            assertThat(state.clientOrderId()).isEqualTo(order.clientOrderId());
            assertThat(state.status()).isEqualTo(VenueOrderState.Status.FILLED);
            assertThat(state.executed().compareTo(qty("0.02"))).isZero();
            FakeVenueServer.Request sent = fake.placements().getFirst();
            assertThat(sent.method()).isEqualTo("WS");
            assertThat(sent.param("newOrderRespType")).isEqualTo("FULL");
            assertThat(sent.param("apiKey")).isEqualTo(KEY);
            assertThat(sent.param("signature")).hasSize(64);
            assertThat(fake.count("/api/v3/order")).as("nothing by REST").isZero();
            assertThat(trading.executions(BTC_USDT, 0).get().map(VenueExecution::clientOrderId))
                    .containsExactly(order.clientOrderId());
        }

        @Test
        void refusals_are_rejected_with_binances_code_as_by_rest() {
            subscribed();
            VenueOrder first = limit(Side.BUY, "0.01", "49000");
            accepted(placeAsync(first));

            assertThat(placeAsync(first)).isEqualTo(new VenueTrading.PlaceAnswer.Rejected("-2010",
                    "Duplicate order sent."));
            assertThat(placeAsync(limit(Side.BUY, "1", "49000"))).isEqualTo(new VenueTrading.PlaceAnswer.Rejected(
                    "-2010", "Account has insufficient balance for requested action."));
            assertThat(placeAsync(limit(Side.BUY, "0.00001", "49000"))).isEqualTo(
                    new VenueTrading.PlaceAnswer.Rejected("-1013", "Filter failure: NOTIONAL"));
            assertThat(restPlacements()).isZero();
            assertThat(fake.engine().placed(KEY, first.clientOrderId())).isEqualTo(1);
        }

        @Test
        void a_signature_the_venue_refuses_is_not_sent_the_order_never_judged() {
            subscribed();
            // the key's secret changes at the venue after the subscription: the next request's signature is wrong
            fake.key(new FakeBinance.Key(KEY, "another-secret", true, false, true, false, Map.of(
                    "USDT", new BigDecimal[] {new BigDecimal("10000"), BigDecimal.ZERO})));
            VenueOrder order = limit(Side.BUY, "0.01", "49000");

            VenueTrading.PlaceAnswer answer = placeAsync(order);

            assertThat(answer).isInstanceOf(VenueTrading.PlaceAnswer.NotSent.class);
            assertThat(((VenueTrading.PlaceAnswer.NotSent) answer).failure())
                    .isEqualTo(new VenueFailure.Unauthorized("-1022", "Signature for this request is not valid."));
            assertThat(fake.engine().placed(KEY, order.clientOrderId())).isZero();
        }

        @Test
        void a_connection_lost_after_the_order_reached_the_book_is_unknown_found_by_query_never_resent() {
            subscribed();
            VenueOrder order = limit(Side.BUY, "0.01", "49000");
            fake.failNext("POST", "/api/v3/order", FakeBinance.Fault.dropAfterReading(true));

            VenueTrading.PlaceAnswer answer = placeAsync(order);

            assertThat(answer).isInstanceOf(VenueTrading.PlaceAnswer.Unknown.class);
            assertThat(trading.query(BTC_USDT, order.clientOrderId()).get().get().status())
                    .isEqualTo(VenueOrderState.Status.NEW);
            assertThat(fake.placements()).hasSize(1);
            assertThat(fake.engine().placed(KEY, order.clientOrderId())).isEqualTo(1);
            Eventually.until(WAIT, "the stream back", () -> connections.contains("after gap"));
            assertThat(fake.placements()).as("not sent again on the new connection").hasSize(1);
        }

        @Test
        void an_order_taken_without_an_answer_is_unknown_after_the_order_timeout_and_found_by_query() {
            connect(Duration.ofSeconds(1));
            subscribed();
            VenueOrder order = limit(Side.BUY, "0.01", "49000");
            fake.failNext("POST", "/api/v3/order", FakeBinance.Fault.processedWithoutAnswer());
            long from = System.nanoTime();

            VenueTrading.PlaceAnswer answer = trading.place(order);

            assertThat(Duration.ofNanos(System.nanoTime() - from)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(answer).isInstanceOf(VenueTrading.PlaceAnswer.Unknown.class);
            assertThat(((VenueTrading.PlaceAnswer.Unknown) answer).failure().describe()).contains("no answer");
            assertThat(trading.query(BTC_USDT, order.clientOrderId()).get().get().status())
                    .isEqualTo(VenueOrderState.Status.NEW);
            assertThat(fake.placements()).hasSize(1);
            assertThat(fake.engine().placed(KEY, order.clientOrderId())).isEqualTo(1);
        }

        @Test
        void a_5xx_is_unknown_and_the_query_tells_what_happened() {
            subscribed();
            VenueOrder order = limit(Side.BUY, "0.01", "49000");
            fake.failNext("POST", "/api/v3/order", FakeBinance.Fault.serverError(503, true));

            assertThat(placeAsync(order)).isInstanceOf(VenueTrading.PlaceAnswer.Unknown.class);
            assertThat(trading.query(BTC_USDT, order.clientOrderId()).get().get().status())
                    .isEqualTo(VenueOrderState.Status.NEW);
        }

        @Test
        void a_429_closes_the_addresss_gate_for_its_retry_after_and_nothing_is_placed() {
            subscribed();
            aRefusalAsTooManyHoldsEveryCallBack(this::placeAsync);
            assertThat(webSocketPlacements()).isEqualTo(1);
        }

        @Test
        void the_weight_and_order_counts_the_answer_carries_are_adopted() {
            // three orders of the same account placed by another client (by REST), and weight spent by others
            BinanceTrading other = new BinanceTrading(api, config,
                    Credentials.checked(KEY, "trader-secret-0001", null).get(), BinanceTrading.orderCountLimiter(config));
            for (int i = 0; i < 3; i++) {
                accepted(other.place(limit(Side.BUY, "0.01", "49000")));
            }
            while (System.currentTimeMillis() % 60_000 > 55_000) {
                Eventually.until(WAIT, "a new minute", () -> System.currentTimeMillis() % 60_000 < 55_000);
            }
            fake.spendWeight(700);
            subscribed();

            accepted(placeAsync(limit(Side.BUY, "0.01", "49000")));

            assertThat(webSocketPlacements()).isEqualTo(1);
            assertThat(orderCount.used(BinanceLimits.ORDERS_1D, Instant.now())).isEqualTo(4);
            assertThat(api.limiter().used(BinanceLimits.REQUEST_WEIGHT, Instant.now()))
                    .isGreaterThanOrEqualTo(fake.usedWeight()).isGreaterThan(700);
        }

        @Test
        void while_the_connection_is_down_orders_go_by_rest_and_by_the_websocket_api_once_it_is_back() {
            subscribed();
            fake.refuseStreams(1_000);
            fake.dropStreams();
            Eventually.until(WAIT, "the stream down", () -> connections.contains("down"));

            accepted(placeAsync(limit(Side.BUY, "0.01", "49000")));
            assertThat(restPlacements()).isEqualTo(1);
            assertThat(webSocketPlacements()).isZero();

            fake.refuseStreams(0);
            Eventually.until(WAIT, "the stream back", () -> connections.contains("after gap"));
            accepted(placeAsync(limit(Side.BUY, "0.01", "49000")));
            assertThat(restPlacements()).isEqualTo(1);
            assertThat(webSocketPlacements()).isEqualTo(1);
        }

        @Test
        void without_a_subscription_or_with_the_rest_transport_orders_go_by_rest() {
            accepted(placeAsync(limit(Side.BUY, "0.01", "49000")));
            connect(Duration.ofSeconds(2), BinanceTradingConfig.OrderTransport.REST);
            subscribed();
            accepted(placeAsync(limit(Side.BUY, "0.01", "49000")));
            accepted(trading.place(limit(Side.BUY, "0.01", "49000")));

            assertThat(restPlacements()).isEqualTo(3);
            assertThat(webSocketPlacements()).isZero();
        }

        @Test
        void an_open_order_is_canceled_by_order_cancel_and_one_not_open_is_not_open() {
            subscribed();
            VenueOrder order = limit(Side.BUY, "0.1", "40000");
            accepted(placeAsync(order));

            VenueTrading.CancelAnswer answer = trading.cancel(BTC_USDT, order.clientOrderId());
            VenueTrading.CancelAnswer again = trading.cancel(BTC_USDT, order.clientOrderId());

            assertThat(answer).isInstanceOf(VenueTrading.CancelAnswer.Canceled.class);
            assertThat(((VenueTrading.CancelAnswer.Canceled) answer).state().status())
                    .isEqualTo(VenueOrderState.Status.CANCELED);
            assertThat(((VenueTrading.CancelAnswer.Canceled) answer).state().clientOrderId())
                    .isEqualTo(order.clientOrderId());
            assertThat(again).isEqualTo(new VenueTrading.CancelAnswer.NotOpen("-2011", "Unknown order sent."));
            assertThat(fake.requests().stream().filter(r -> r.path().equals("order.cancel")).count()).isEqualTo(2);
            assertThat(fake.requests().stream().filter(r -> r.method().equals("DELETE")).count()).isZero();
        }

        @Test
        void a_cancel_lost_with_the_connection_after_it_was_carried_out_is_unknown_and_the_query_tells() {
            subscribed();
            VenueOrder order = limit(Side.BUY, "0.1", "40000");
            accepted(placeAsync(order));
            fake.failNext("DELETE", "/api/v3/order", FakeBinance.Fault.dropAfterReading(true));

            VenueTrading.CancelAnswer answer = trading.cancel(BTC_USDT, order.clientOrderId());

            assertThat(answer).isInstanceOf(VenueTrading.CancelAnswer.Unknown.class);
            assertThat(trading.query(BTC_USDT, order.clientOrderId()).get().get().status())
                    .isEqualTo(VenueOrderState.Status.CANCELED);
        }

        @Test
        void concurrent_placements_on_one_connection_each_get_their_own_answer_whatever_the_order_of_answers()
                throws Exception {
            subscribed();
            int count = 8;
            fake.reverseNextAnswers(count);
            List<VenueOrder> orders = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                orders.add(limit(Side.BUY, "0.01", Integer.toString(49_000 - i)));
            }
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors
                    .newVirtualThreadPerTaskExecutor();
            try {
                List<java.util.concurrent.Future<VenueTrading.PlaceAnswer>> answers = new ArrayList<>();
                for (VenueOrder order : orders) {
                    answers.add(callers.submit(() -> trading.placeAsync(order, Runnable::run).join()));
                }
                for (int i = 0; i < count; i++) {
                    VenueOrderState state = accepted(answers.get(i).get(10, java.util.concurrent.TimeUnit.SECONDS));
                    assertThat(state.clientOrderId()).isEqualTo(orders.get(i).clientOrderId());
                    assertThat(state.limitPrice().get().toBigDecimal()).isEqualByComparingTo(
                            orders.get(i).limitPrice().get().toBigDecimal());
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(webSocketPlacements()).isEqualTo(count);
        }
    }

    @Nested
    class Filling {
        @Test
        void only_the_latest_orders_client_ids_are_kept_and_a_trade_of_a_forgotten_order_is_named_by_asking_the_venue() {
            BinanceTrading remembersThree = new BinanceTrading(api, config,
                    Credentials.checked(KEY, "trader-secret-0001", null).get(), BinanceTrading.orderCountLimiter(config),
                    3);
            List<VenueOrder> orders = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                VenueOrder order = market(Side.BUY, "0.01");
                orders.add(order);
                assertThat(accepted(remembersThree.place(order)).status()).isEqualTo(VenueOrderState.Status.FILLED);
                assertThat(remembersThree.knownOrders()).isLessThanOrEqualTo(3);
            }
            long before = lookUpsByOrderId();

            List<VenueExecution> trades = remembersThree.executions(BTC_USDT, 0).get().toJavaList();

            assertThat(trades).extracting(VenueExecution::clientOrderId)
                    .containsExactlyElementsOf(orders.stream().map(VenueOrder::clientOrderId).toList());
            // trades read oldest first through a memory of three: each forgotten order is asked for (weight 4)
            assertThat(lookUpsByOrderId() - before).isBetween(2L, 5L);
            assertThat(remembersThree.knownOrders()).isEqualTo(3);
        }

        private long lookUpsByOrderId() {
            return fake.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals("/api/v3/order")
                    && r.param("orderId") != null).count();
        }

        @Test
        void trade_prints_fill_a_resting_order_in_parts_as_maker_at_its_price() {
            VenueOrder order = limit(Side.SELL, "0.5", "51000");
            accepted(trading.place(order));

            fake.engine().trade("BTCUSDT", "51000", "0.2");
            assertThat(trading.query(BTC_USDT, order.clientOrderId()).get().get().status())
                    .isEqualTo(VenueOrderState.Status.PARTIALLY_FILLED);
            fake.engine().trade("BTCUSDT", "51050", "1");

            VenueOrderState state = trading.query(BTC_USDT, order.clientOrderId()).get().get();
            assertThat(state.status()).isEqualTo(VenueOrderState.Status.FILLED);
            List<VenueExecution> fills = trading.executions(BTC_USDT, 0).get().toJavaList();
            assertThat(fills).extracting(e -> e.quantity().toBigDecimal().stripTrailingZeros().toPlainString())
                    .containsExactly("0.2", "0.3");
            assertThat(fills).allSatisfy(e -> {
                assertThat(e.price().toBigDecimal()).isEqualByComparingTo("51000");
                assertThat(e.liquidity()).isEqualTo(LiquiditySide.MAKER);
                assertThat(e.side()).isEqualTo(Side.SELL);
            });
        }

        @Test
        void the_fee_is_charged_in_the_quote_the_base_or_bnb_as_the_account_pays_it() {
            fake.engine().fees(KEY, FakeSpotEngine.FeeAsset.QUOTE, "0.001");
            accepted(trading.place(market(Side.BUY, "0.01")));
            fake.engine().fees(KEY, FakeSpotEngine.FeeAsset.BASE, "0.001");
            accepted(trading.place(market(Side.BUY, "0.01")));
            fake.engine().fees(KEY, FakeSpotEngine.FeeAsset.BNB, "0.00075");
            fake.engine().bnbPrice("USDT", "500");
            accepted(trading.place(market(Side.BUY, "0.01")));

            List<Money> fees = trading.executions(BTC_USDT, 0).get().map(VenueExecution::commission).toJavaList();

            assertThat(fees).containsExactly(Money.of(new BigDecimal("0.5"), new Asset("USDT")),
                    Money.of(new BigDecimal("0.00001"), new Asset("BTC")),
                    Money.of(new BigDecimal("0.00075"), new Asset("BNB")));
            var balances = trading.balances().get();
            // 10000 - 3 * 500 paid - 0.5 fee; 1 + 0.03 bought - 0.00001 fee; 10 - 0.00075 BNB
            assertThat(balances.get(new Asset("USDT")).get().toBigDecimal()).isEqualByComparingTo("8499.5");
            assertThat(balances.get(new Asset("BTC")).get().toBigDecimal()).isEqualByComparingTo("1.02999");
            assertThat(balances.get(new Asset("BNB")).get().toBigDecimal()).isEqualByComparingTo("9.99925");
        }
    }

    @Nested
    class TradeHistoryOlderThanADay {
        static final Duration HOUR = Duration.ofHours(1);

        static final String OLD_SELL = "old-sell";

        /** A resting sell of the account placed {@code ago} (the venue's clock moved back meanwhile). */
        void restingSellPlaced(Duration ago) {
            fake.clockOffset(ago.negated());
            try {
                FakeSpotEngine.Reply placed = fake.engine().place(KEY, Map.of("symbol", "BTCUSDT", "side", "SELL",
                        "type", "LIMIT", "timeInForce", "GTC", "quantity", "0.5", "price", "51000",
                        "newClientOrderId", OLD_SELL));
                assertThat(placed.status()).isEqualTo(200);
            } finally {
                fake.clockOffset(Duration.ZERO);
            }
        }

        /**
         * A resting sell placed 50 h ago, traded 50 h ago, 30 h ago and {@code lastHour} times an hour ago; answers a
         * time just before it was placed (where its trades are read from).
         */
        long tradedOverTwoDays(int lastHour) {
            restingSellPlaced(Duration.ofHours(50));
            printAt(Duration.ofHours(50).minusMinutes(1), 1);
            printAt(Duration.ofHours(30), 1);
            printAt(HOUR, lastHour);
            return fake.now().minus(Duration.ofHours(50).plusMinutes(2)).toEpochMilli();
        }

        void printAt(Duration ago, int trades) {
            fake.clockOffset(ago.negated());
            try {
                for (int i = 0; i < trades; i++) {
                    fake.engine().trade("BTCUSDT", "51000", "0.0001");
                }
            } finally {
                fake.clockOffset(Duration.ZERO);
            }
        }

        @Test
        void the_fake_refuses_a_time_window_longer_than_24_hours_as_binance_documents() {
            // rest-api.md "Account trade list (USER_DATA)": "The time between startTime and endTime can't be longer
            // than 24 hours."
            long now = fake.now().toEpochMilli();
            FakeSpotEngine.Reply refused = fake.engine().myTrades(KEY, Map.of("symbol", "BTCUSDT",
                    "startTime", Long.toString(now - Duration.ofHours(25).toMillis()), "endTime", Long.toString(now)));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("-1127");
            FakeSpotEngine.Reply combined = fake.engine().myTrades(KEY, Map.of("symbol", "BTCUSDT",
                    "startTime", Long.toString(now - 1000), "fromId", "1"));
            assertThat(combined.body()).as("not a supported combination").contains("-1128");
        }

        @Test
        void trades_of_an_order_older_than_a_day_are_all_read_from_its_time_a_bot_down_for_two_days_misses_none() {
            long since = tradedOverTwoDays(1);

            List<VenueExecution> read = trading.executions(BTC_USDT, since).get().toJavaList();

            assertThat(read).extracting(VenueExecution::clientOrderId).containsExactly(OLD_SELL, OLD_SELL, OLD_SELL);
            assertThat(read).extracting(VenueExecution::time).isSorted();
            assertThat(fake.requests().stream().filter(r -> r.path().equals("/api/v3/myTrades")).count())
                    .as("fewer than a page of trades: the most recent page holds them, one request").isEqualTo(1);
        }

        @Test
        void more_than_a_page_since_two_days_ago_is_read_by_day_windows_then_by_trade_id_each_trade_once() {
            long since = tradedOverTwoDays(1_000);

            List<VenueExecution> read = trading.executions(BTC_USDT, since).get().toJavaList();

            assertThat(read).hasSize(1_002).allSatisfy(e -> assertThat(e.clientOrderId()).isEqualTo(OLD_SELL));
            assertThat(read.stream().map(VenueExecution::tradeId).distinct().count()).isEqualTo(1_002);
            assertThat(read).extracting(e -> Long.parseLong(e.tradeId())).isSorted();
            assertThat(fake.requests().stream().filter(r -> r.path().equals("/api/v3/myTrades")).count())
                    .as("the recent page, the first day's window, one page from its first trade's id").isEqualTo(3);
            // every request the fake answered: none refused for its window
            assertThat(fake.requests().stream().filter(r -> r.path().equals("/api/v3/myTrades"))
                    .filter(r -> r.param("startTime") != null).allMatch(r -> r.param("endTime") != null
                            && Long.parseLong(r.param("endTime")) - Long.parseLong(r.param("startTime"))
                            < Duration.ofHours(24).toMillis())).isTrue();
        }
    }

    @Nested
    class SignedWhenSent {
        /** A fresh adapter (no pooled connection yet) whose signed requests carry {@code recvWindow}. */
        void signingWithin(Duration recvWindow) {
            api.close();
            api = new BinanceApi(BinanceConfig.production().withUrls(fake.restUrl(), fake.wsUrl())
                    .withRecvWindow(recvWindow), Instant::now);
            BinanceTradingConfig config = BinanceTradingConfig.production().withWsApiUrl(fake.wsApiUrl());
            trading = new BinanceTrading(api, config, Credentials.checked(KEY, "trader-secret-0001", null).get(),
                    BinanceTrading.orderCountLimiter(config));
        }

        @Test
        void an_order_held_longer_than_the_receive_window_is_signed_when_it_leaves_and_taken()
                throws InterruptedException {
            // rest-api.md "Timing security": the venue refuses a request whose timestamp is more than recvWindow
            // behind its clock (-1021); the fake checks it. An order held (behind the write-ahead of a hand order, or
            // a queue) for longer than the window must carry the time it is sent, not the time it was decided.
            signingWithin(Duration.ofMillis(300));
            VenueOrder held = limit(Side.BUY, "0.01", "49000");
            Thread.sleep(700);
            long sentFrom = Instant.now().toEpochMilli();

            accepted(trading.place(held));

            FakeVenueServer.Request request = fake.requests().stream().filter(r -> r.path().equals("/api/v3/order"))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(request.param("recvWindow")).isEqualTo("300");
            assertThat(Long.parseLong(request.param("timestamp"))).isGreaterThanOrEqualTo(sentFrom);
        }

        @Test
        void an_order_whose_placement_waits_in_a_queue_longer_than_the_receive_window_is_signed_when_it_runs() {
            signingWithin(Duration.ofMillis(300));
            java.util.concurrent.ScheduledExecutorService later = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor();
            try {
                // no pooled connection yet: the whole placement runs on the answers' executor, here 700 ms later
                java.util.concurrent.Executor queued = task -> later.schedule(task, 700,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                long queuedAt = Instant.now().toEpochMilli();
                VenueTrading.PlaceAnswer answer = trading.placeAsync(limit(Side.BUY, "0.01", "49000"), queued).join();
                accepted(answer);
                FakeVenueServer.Request request = fake.requests().stream()
                        .filter(r -> r.path().equals("/api/v3/order")).reduce((a, b) -> b).orElseThrow();
                assertThat(Long.parseLong(request.param("timestamp"))).isGreaterThanOrEqualTo(queuedAt + 700);
            } finally {
                later.shutdownNow();
            }
        }
    }

    @Nested
    class Canceling {
        @Test
        void an_open_order_is_canceled_and_funds_come_back() {
            VenueOrder order = limit(Side.BUY, "0.1", "40000");
            accepted(trading.place(order));
            assertThat(fake.engine().balance(KEY, "USDT")[1]).isEqualByComparingTo("4000");

            VenueTrading.CancelAnswer answer = trading.cancel(BTC_USDT, order.clientOrderId());

            assertThat(answer).isInstanceOf(VenueTrading.CancelAnswer.Canceled.class);
            VenueOrderState state = ((VenueTrading.CancelAnswer.Canceled) answer).state();
            assertThat(state.clientOrderId()).isEqualTo(order.clientOrderId());
            assertThat(state.status()).isEqualTo(VenueOrderState.Status.CANCELED);
            assertThat(fake.engine().balance(KEY, "USDT")[1]).isEqualByComparingTo("0");
            assertThat(fake.requests().stream().filter(r -> r.method().equals("DELETE")).findFirst().get()
                    .param("origClientOrderId")).isEqualTo(order.clientOrderId());
        }

        @Test
        void a_filled_or_unknown_order_is_not_open() {
            VenueOrder filled = market(Side.SELL, "0.01");
            accepted(trading.place(filled));

            assertThat(trading.cancel(BTC_USDT, filled.clientOrderId()))
                    .isEqualTo(new VenueTrading.CancelAnswer.NotOpen("-2011", "Unknown order sent."));
            assertThat(trading.cancel(BTC_USDT, "never-sent"))
                    .isEqualTo(new VenueTrading.CancelAnswer.NotOpen("-2011", "Unknown order sent."));
            assertThat(trading.query(BTC_USDT, "never-sent").get()).isEqualTo(Option.none());
        }

        @Test
        void a_5xx_on_cancel_is_unknown_and_the_query_tells_what_happened() {
            VenueOrder order = limit(Side.BUY, "0.1", "40000");
            accepted(trading.place(order));
            fake.failNext("DELETE", "/api/v3/order", FakeBinance.Fault.serverError(503, true));

            VenueTrading.CancelAnswer answer = trading.cancel(BTC_USDT, order.clientOrderId());

            assertThat(answer).isInstanceOf(VenueTrading.CancelAnswer.Unknown.class);
            assertThat(trading.query(BTC_USDT, order.clientOrderId()).get().get().status())
                    .isEqualTo(VenueOrderState.Status.CANCELED);
        }
    }

    @Nested
    class UnknownOutcomes {
        @Test
        void a_placement_that_reached_the_book_without_an_answer_is_unknown_and_found_by_query_never_resent() {
            connect(Duration.ofSeconds(1));
            trading.balances(); // the connection is open: the timeout below is the answer's, not the handshake's
            VenueOrder order = limit(Side.BUY, "0.01", "49000");
            fake.failNext("POST", "/api/v3/order", FakeBinance.Fault.processedWithoutAnswer());

            VenueTrading.PlaceAnswer answer = place(trading, order);

            assertThat(answer).isInstanceOf(VenueTrading.PlaceAnswer.Unknown.class);
            Option<VenueOrderState> found = trading.query(BTC_USDT, order.clientOrderId()).get();
            assertThat(found.get().status()).isEqualTo(VenueOrderState.Status.NEW);
            assertThat(fake.requests().stream().filter(r -> r.path().equals("/api/v3/order")).map(r -> r.method()))
                    .containsExactly("POST", "GET"); // the placement and the query, nothing more
            assertThat(fake.engine().placed(KEY, order.clientOrderId())).isEqualTo(1);
        }

        @Test
        void a_429_is_not_sent_and_the_limiter_holds_every_call_back_for_the_retry_after() {
            aRefusalAsTooManyHoldsEveryCallBack(order -> place(trading, order));
        }

        @Test
        void our_own_order_count_budget_refuses_before_anything_is_sent() {
            BinanceTradingConfig tight = BinanceTradingConfig.production().withWsApiUrl(fake.wsApiUrl())
                    .withOrderLimits(2, 100);
            BinanceTrading limited = new BinanceTrading(api, tight,
                    Credentials.checked(KEY, "trader-secret-0001", null).get(), BinanceTrading.orderCountLimiter(tight));

            accepted(place(limited, limit(Side.BUY, "0.01", "49000")));
            accepted(place(limited, limit(Side.BUY, "0.01", "49000")));
            VenueTrading.PlaceAnswer third = place(limited, limit(Side.BUY, "0.01", "49000"));

            assertThat(third).isInstanceOf(VenueTrading.PlaceAnswer.NotSent.class);
            assertThat(fake.count("/api/v3/order")).isEqualTo(2);
            assertThat(api.limiter().used(BinanceLimits.REQUEST_WEIGHT, Instant.now())).isGreaterThanOrEqualTo(2);
        }
    }

    /** The unknown outcomes again through {@link BinanceTrading#placeAsync}, the client warm. */
    @Nested
    class UnknownOutcomesWithoutBlocking extends UnknownOutcomes {
        @BeforeEach
        void warm() {
            withoutBlocking = true;
        }
    }

    @Nested
    class Streaming {
        @BeforeEach
        void subscribe() {
            subscribed();
        }

        @Test
        void closing_the_api_does_not_wait_for_a_stream_still_open() {
            // a stopping application whose live bots still hold their user-data streams: a normal stop hung until
            // the venue closed them (Binance keeps one open for 24 h)
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> api.close());
            Eventually.until(WAIT, "the stream cut", () -> connections.contains("down")
                    || fake.subscriptions(KEY) == 0);
        }

        List<VenueReport> reports() {
            synchronized (updates) {
                return updates.stream().map(VenueUpdate::report).toList();
            }
        }

        @Test
        void reports_come_as_the_order_is_accepted_filled_in_parts_and_canceled() {
            VenueOrder order = limit(Side.BUY, "0.1", "49000");
            accepted(trading.place(order));
            fake.engine().trade("BTCUSDT", "49000", "0.04");
            trading.cancel(BTC_USDT, order.clientOrderId());

            Eventually.until(WAIT, "three reports", () -> updates.size() >= 3);
            assertThat(reports()).hasSize(3);
            assertThat(reports().get(0)).isInstanceOf(VenueReport.Accepted.class);
            VenueReport.Filled fill = (VenueReport.Filled) reports().get(1);
            assertThat(fill.lastQty().toBigDecimal()).isEqualByComparingTo("0.04");
            assertThat(fill.lastPx().toBigDecimal()).isEqualByComparingTo("49000");
            assertThat(fill.commission().asset()).isEqualTo(new Asset("BTC"));
            assertThat(fill.liquidity()).isEqualTo(LiquiditySide.MAKER);
            assertThat(reports().get(2)).isInstanceOf(VenueReport.Canceled.class);
            assertThat(reports()).allSatisfy(r -> assertThat(r.clientOrderId()).isEqualTo(order.clientOrderId()));
            assertThat(updates.get(2).after().executed().toBigDecimal()).isEqualByComparingTo("0.04");
            assertThat(updates.get(2).after().status()).isEqualTo(VenueOrderState.Status.CANCELED);
        }

        @Test
        void a_duplicated_report_arrives_twice_with_the_same_trade_id() {
            VenueOrder order = limit(Side.BUY, "0.1", "49000");
            accepted(trading.place(order));
            Eventually.until(WAIT, "accepted", () -> updates.size() >= 1);
            fake.duplicateNextReports(1);
            fake.engine().trade("BTCUSDT", "49000", "0.04");

            Eventually.until(WAIT, "the fill twice", () -> updates.size() >= 3);
            VenueReport.Filled first = (VenueReport.Filled) reports().get(1);
            VenueReport.Filled second = (VenueReport.Filled) reports().get(2);
            assertThat(second.tradeId()).isEqualTo(first.tradeId());
            assertThat(updates.get(2).after()).isEqualTo(updates.get(1).after());
        }

        @Test
        void out_of_order_reports_carry_the_state_that_puts_them_back_in_order() {
            VenueOrder order = limit(Side.BUY, "0.1", "49000");
            accepted(trading.place(order));
            Eventually.until(WAIT, "accepted", () -> updates.size() >= 1);
            fake.reverseNextReports(2);
            fake.engine().trade("BTCUSDT", "49000", "0.04");
            fake.engine().trade("BTCUSDT", "49000", "0.06");

            Eventually.until(WAIT, "both fills", () -> updates.size() >= 3);
            VenueUpdate arrivedFirst = updates.get(1);
            VenueUpdate arrivedSecond = updates.get(2);
            assertThat(arrivedFirst.after().status()).isEqualTo(VenueOrderState.Status.FILLED);
            assertThat(arrivedSecond.after().status()).isEqualTo(VenueOrderState.Status.PARTIALLY_FILLED);
            assertThat(arrivedSecond.after().notBefore(arrivedFirst.after())).isFalse();
            assertThat(arrivedFirst.after().notBefore(arrivedSecond.after())).isTrue();
        }

        @Test
        void a_dropped_stream_is_resumed_and_the_listener_told_it_was_after_a_gap() {
            fake.dropStreams();

            Eventually.until(WAIT, "reconnected after a gap", () -> connections.contains("after gap"));
            assertThat(connections).containsSubsequence("first", "down", "after gap");
            VenueOrder order = limit(Side.BUY, "0.01", "49000");
            accepted(trading.place(order));
            Eventually.until(WAIT, "a report on the new connection", () -> !updates.isEmpty());
            assertThat(fake.subscriptions(KEY)).isEqualTo(1);
        }
    }
}
