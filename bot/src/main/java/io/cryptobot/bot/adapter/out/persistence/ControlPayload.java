package io.cryptobot.bot.adapter.out.persistence;

import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.VenueReport;
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
        if (control.report().isDefined()) {
            return report(control.report().get());
        }
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

    /** A venue report as stored: its type, client order id, time and its own fields, exact. */
    private static JsonObject report(VenueReport report) {
        JsonObject json = new JsonObject().put("clientOrderId", report.clientOrderId()).put("time", report.time());
        switch (report) {
            case VenueReport.Accepted a -> json.put("type", "accepted").put("venueOrderId", a.venueOrderId());
            case VenueReport.Rejected r -> json.put("type", "rejected").put("reason", r.reason());
            case VenueReport.Triggered t -> json.put("type", "triggered");
            case VenueReport.Filled f -> json.put("type", "filled").put("tradeId", f.tradeId())
                    .put("qtyUnits", f.lastQty().units()).put("qtyScale", f.lastQty().scale())
                    .put("pxUnits", f.lastPx().units()).put("pxScale", f.lastPx().scale())
                    .put("feeUnits", f.commission().units()).put("feeScale", f.commission().scale())
                    .put("feeAsset", f.commission().asset().code()).put("liquidity", f.liquidity().name());
            case VenueReport.Canceled c -> json.put("type", "canceled").put("reason", c.reason());
            case VenueReport.Expired e -> json.put("type", "expired");
        }
        return json;
    }

    static Option<VenueReport> report(BotControl.Kind kind, JsonObject json) {
        if (kind != BotControl.Kind.VENUE_REPORT) {
            return Option.none();
        }
        String id = json.getString("clientOrderId");
        long time = json.getLong("time");
        return Option.some(switch (json.getString("type")) {
            case "accepted" -> new VenueReport.Accepted(id, json.getString("venueOrderId"), time);
            case "rejected" -> new VenueReport.Rejected(id, json.getString("reason"), time);
            case "triggered" -> new VenueReport.Triggered(id, time);
            case "filled" -> new VenueReport.Filled(id, json.getString("tradeId"),
                    new Quantity(json.getLong("qtyUnits"), json.getInteger("qtyScale")),
                    new Price(json.getLong("pxUnits"), json.getInteger("pxScale")),
                    new Money(json.getLong("feeUnits"), json.getInteger("feeScale"),
                            new Asset(json.getString("feeAsset"))),
                    LiquiditySide.valueOf(json.getString("liquidity")), time);
            case "canceled" -> new VenueReport.Canceled(id, json.getString("reason"), time);
            case "expired" -> new VenueReport.Expired(id, time);
            default -> throw new IllegalStateException("stored venue report of unknown type " + json.getString("type"));
        });
    }

    private static Option<Price> price(JsonObject json, String prefix) {
        return json.containsKey(prefix + "Units")
                ? Option.some(new Price(json.getLong(prefix + "Units"), json.getInteger(prefix + "Scale")))
                : Option.none();
    }
}
