package io.cryptobot.bot.adapter.out.persistence;

import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.control.Option;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** An order control's payload as stored: the order as asked, exact (units and scales), or the canceled order's id. */
final class ControlPayload {
    private ControlPayload() {
    }

    static JsonObject of(BotControl control) {
        if (control.placed().isDefined()) {
            OrderRequest o = control.placed().get();
            JsonObject json = new JsonObject().put("clientOrderId", o.clientOrderId().value())
                    .put("instrument", o.instrument().toString()).put("side", o.side().name())
                    .put("type", o.type().name()).put("qtyUnits", o.quantity().units())
                    .put("qtyScale", o.quantity().scale()).put("timeInForce", o.timeInForce().name())
                    .put("reduceOnly", o.reduceOnly()).put("correlationId", o.correlationId().value().toString())
                    .put("orderId", control.order().get().value().toString());
            o.limitPrice().forEach(p -> json.put("limitUnits", p.units()).put("limitScale", p.scale()));
            o.triggerPrice().forEach(p -> json.put("triggerUnits", p.units()).put("triggerScale", p.scale()));
            return json;
        }
        return control.order().map(id -> new JsonObject().put("orderId", id.value().toString())).getOrNull();
    }

    static Option<OrderRequest> placed(BotControl.Kind kind, JsonObject json) {
        if (kind != BotControl.Kind.ORDER_PLACED) {
            return Option.none();
        }
        return Option.some(new OrderRequest(ClientOrderId.parse(json.getString("clientOrderId")).get(),
                InstrumentId.parse(json.getString("instrument")).get(), Side.valueOf(json.getString("side")),
                OrderType.valueOf(json.getString("type")),
                new Quantity(json.getLong("qtyUnits"), json.getInteger("qtyScale")),
                price(json, "limit"), price(json, "trigger"), TimeInForce.valueOf(json.getString("timeInForce")),
                json.getBoolean("reduceOnly"), new CorrelationId(UUID.fromString(json.getString("correlationId")))));
    }

    /**
     * The order an order control names: the canceled one, or the id given to the one placed (entries written
     * before ids were journaled name none: {@code legacyId} gives the id they were placed under).
     */
    static Option<OrderId> order(BotControl.Kind kind, JsonObject json,
                                 java.util.function.Function<OrderRequest, OrderId> legacyId) {
        if (kind != BotControl.Kind.ORDER_CANCELED && kind != BotControl.Kind.ORDER_PLACED) {
            return Option.none();
        }
        if (json.containsKey("orderId")) {
            return Option.some(new OrderId(UUID.fromString(json.getString("orderId"))));
        }
        return Option.some(legacyId.apply(placed(kind, json).get()));
    }

    private static Option<Price> price(JsonObject json, String prefix) {
        return json.containsKey(prefix + "Units")
                ? Option.some(new Price(json.getLong(prefix + "Units"), json.getInteger(prefix + "Scale")))
                : Option.none();
    }
}
