package io.cryptobot.order.domain;

import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.TimeInForce;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.order.domain.OrderError.DuplicateFill;
import io.cryptobot.order.domain.OrderError.IllegalTransition;
import io.cryptobot.order.domain.OrderError.InvalidFill;
import io.cryptobot.order.domain.event.OrderEvent.OrderFilled;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {
    private static final InstrumentId BTC_USDT = new InstrumentId(new Venue("SIM"), new Asset("BTC"), new Asset("USDT"));
    private static final Asset USDT = new Asset("USDT");
    private long sequence;

    private EventMeta meta() {
        sequence++;
        return new EventMeta(new UUID(0, sequence), Instant.ofEpochSecond(1_700_000_000L + sequence));
    }

    private static Quantity qty(String text) {
        return Quantity.parse(text, 5).get();
    }

    private static Price px(String text) {
        return Price.parse(text, 2).get();
    }

    private static OrderSpec spec(Side side, OrderType type, String quantity, String limit, String trigger) {
        return OrderSpec.checked(new UserId(new UUID(1, 1)), new ClientOrderId("c-1"), BTC_USDT, side, type,
                qty(quantity), Option.of(limit).map(OrderTest::px), Option.of(trigger).map(OrderTest::px),
                TimeInForce.GTC, false, new CorrelationId(new UUID(2, 2))).get();
    }

    private Order accepted(OrderSpec spec) {
        Order order = Order.newOrder(new OrderId(new UUID(3, 3)), spec, meta()).order();
        order = order.submit(meta()).get().order();
        return order.accept(new VenueOrderId("v-1"), meta()).get().order();
    }

    private Fill fill(String trade, String quantity, String price) {
        return new Fill(new TradeId(trade), qty(quantity), px(price), new Money(10, 2, USDT), LiquiditySide.TAKER,
                Instant.ofEpochSecond(1_700_000_100L));
    }

    @Test
    void two_partial_fills_complete_the_order_at_the_volume_weighted_price() {
        // 0.4 @ 100.00 + 0.6 @ 101.00 = 40.00 + 60.60 = 100.60 over 1.0 -> average 100.60
        Order order = accepted(spec(Side.BUY, OrderType.LIMIT, "1", "101", null));

        Order.Transition first = order.applyFill(fill("t1", "0.4", "100"), meta()).get();
        assertThat(first.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(first.order().remainingQuantity()).isEqualTo(qty("0.6"));
        assertThat(first.event()).isInstanceOf(OrderFilled.class);

        Order filled = first.order().applyFill(fill("t2", "0.6", "101"), meta()).get().order();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.averageFillPrice().get()).isEqualByComparingTo(new BigDecimal("100.60"));
        assertThat(filled.status().isClosed()).isTrue();
    }

    @Test
    void a_fill_reported_twice_is_refused_rather_than_counted_twice() {
        Order order = accepted(spec(Side.BUY, OrderType.MARKET, "1", null, null));
        Order partly = order.applyFill(fill("t1", "0.5", "100"), meta()).get().order();

        assertThat(partly.applyFill(fill("t1", "0.5", "100"), meta()).getLeft())
                .isEqualTo(new DuplicateFill(new TradeId("t1")));
    }

    @Test
    void an_overfill_is_refused_with_the_remaining_quantity() {
        Order order = accepted(spec(Side.SELL, OrderType.MARKET, "1", null, null));

        assertThat(order.applyFill(fill("t1", "1.00001", "100"), meta()).getLeft())
                .isInstanceOf(InvalidFill.class)
                .extracting(e -> ((InvalidFill) e).reason()).asString().contains("remaining 1");
    }

    @Test
    void a_buy_limit_never_fills_above_its_limit_and_a_sell_limit_never_below() {
        Order buy = accepted(spec(Side.BUY, OrderType.LIMIT, "1", "100", null));
        Order sell = accepted(spec(Side.SELL, OrderType.LIMIT, "1", "100", null));

        assertThat(buy.applyFill(fill("t1", "1", "100.01"), meta()).getLeft()).isInstanceOf(InvalidFill.class);
        assertThat(buy.applyFill(fill("t1", "1", "99.99"), meta()).isRight()).isTrue();
        assertThat(sell.applyFill(fill("t1", "1", "99.99"), meta()).getLeft()).isInstanceOf(InvalidFill.class);
        assertThat(sell.applyFill(fill("t1", "1", "100"), meta()).isRight()).isTrue();
    }

    @Test
    void a_stop_order_fills_only_after_it_triggered() {
        Order stop = accepted(spec(Side.SELL, OrderType.STOP_MARKET, "1", null, "95"));

        assertThat(stop.applyFill(fill("t1", "1", "94"), meta()).getLeft())
                .isEqualTo(new IllegalTransition(OrderStatus.ACCEPTED, "fill an untriggered"));
        Order triggered = stop.trigger(meta()).get().order();
        assertThat(triggered.applyFill(fill("t1", "1", "94"), meta()).get().order().status())
                .isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void only_conditional_orders_trigger() {
        Order limit = accepted(spec(Side.BUY, OrderType.LIMIT, "1", "100", null));
        assertThat(limit.trigger(meta()).getLeft()).isEqualTo(new IllegalTransition(OrderStatus.ACCEPTED, "trigger"));
    }

    @Test
    void a_closed_order_refuses_every_further_command() {
        Order canceled = accepted(spec(Side.BUY, OrderType.LIMIT, "1", "100", null)).cancel(meta()).get().order();

        assertThat(canceled.cancel(meta()).getLeft()).isEqualTo(new IllegalTransition(OrderStatus.CANCELED, "cancel"));
        assertThat(canceled.applyFill(fill("t1", "1", "100"), meta()).getLeft())
                .isEqualTo(new IllegalTransition(OrderStatus.CANCELED, "fill"));
        assertThat(canceled.expire(meta()).isLeft()).isTrue();
        assertThat(canceled.submit(meta()).isLeft()).isTrue();
    }

    @Test
    void a_fill_racing_a_cancel_request_is_kept_and_the_order_stays_pending_cancel() {
        Order pending = accepted(spec(Side.BUY, OrderType.LIMIT, "1", "100", null)).requestCancel(meta()).get().order();
        assertThat(pending.status().isInFlight()).isTrue();

        Order partly = pending.applyFill(fill("t1", "0.3", "100"), meta()).get().order();
        assertThat(partly.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        Order canceled = partly.cancel(meta()).get().order();
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.filledQuantity()).isEqualTo(qty("0.3"));
    }

    @Test
    void a_denied_order_never_reaches_the_venue() {
        Order initialized = Order.newOrder(new OrderId(new UUID(3, 3)),
                spec(Side.BUY, OrderType.MARKET, "1", null, null), meta()).order();
        Order denied = initialized.deny("max order notional", meta()).get().order();

        assertThat(denied.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(denied.submit(meta()).getLeft()).isEqualTo(new IllegalTransition(OrderStatus.DENIED, "submit"));
    }

    @Test
    void the_venue_rejects_only_an_order_it_has_not_answered_yet() {
        Order submitted = Order.newOrder(new OrderId(new UUID(3, 3)),
                spec(Side.BUY, OrderType.MARKET, "1", null, null), meta()).order().submit(meta()).get().order();
        assertThat(submitted.reject("insufficient balance", meta()).get().order().status()).isEqualTo(OrderStatus.REJECTED);
        Order accepted = submitted.accept(new VenueOrderId("v"), meta()).get().order();
        assertThat(accepted.reject("late", meta()).isLeft()).isTrue();
    }

    @Test
    void a_spec_lists_every_inconsistency() {
        var result = OrderSpec.checked(new UserId(new UUID(1, 1)), new ClientOrderId("c"), BTC_USDT, Side.BUY,
                OrderType.STOP_LIMIT, qty("0"), Option.none(), Option.none(), TimeInForce.IOC, false,
                new CorrelationId(new UUID(2, 2)));

        assertThat(result.getError().map(v -> v.field() + " " + v.reason())).containsExactly(
                "quantity must be positive",
                "limitPrice is required for STOP_LIMIT",
                "triggerPrice is required for STOP_LIMIT",
                "timeInForce conditional orders rest until triggered: use GTC");
    }

    @Test
    void a_market_order_refuses_a_limit_price() {
        var result = OrderSpec.checked(new UserId(new UUID(1, 1)), new ClientOrderId("c"), BTC_USDT, Side.BUY,
                OrderType.MARKET, qty("1"), Option.some(px("100")), Option.none(), TimeInForce.GTC, false,
                new CorrelationId(new UUID(2, 2)));
        assertThat(result.getError().map(v -> v.field())).containsExactly("limitPrice");
    }
}
