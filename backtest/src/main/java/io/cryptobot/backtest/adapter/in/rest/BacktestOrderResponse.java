package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.application.port.in.OrderView;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import java.time.Instant;
import java.util.List;

/** An order of a run in its final state, with each event it went through. */
public record BacktestOrderResponse(int seq, String orderId, String clientOrderId, String instrument, String side,
                                    String type, String quantity, String limitPrice, String status,
                                    String filledQuantity, String averagePrice, Instant placedAt, String tag,
                                    List<Event> events) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BacktestOrderEvent")
    public record Event(String type, Instant time, String detail) {
    }

    static BacktestOrderResponse of(OrderView o) {
        return new BacktestOrderResponse(o.seq(), o.orderId(), o.clientOrderId(), o.instrument(), o.side(), o.type(),
                Decimals.exact(o.quantity()), Decimals.exact(o.limitPrice()), o.status(),
                Decimals.exact(o.filledQuantity()), Decimals.exact(o.averagePrice()), Instant.ofEpochMilli(o.placedAt()),
                o.tag(), o.events().stream()
                        .map(e -> new Event(e.type(), Instant.ofEpochMilli(e.time()), e.detail())).toList());
    }
}
