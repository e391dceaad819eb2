package io.cryptobot.order.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderDetails;
import io.cryptobot.order.application.port.in.OrderFilter;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.order.application.port.in.OrderUpdate;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.application.port.in.WatchOrdersQuery;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.RestStreamElementType;
import io.cryptobot.order.application.port.in.CancelOrderUseCase;
import io.cryptobot.order.application.port.in.PlaceOrderCommand;
import io.cryptobot.order.application.port.in.PlaceOrderUseCase;
import io.cryptobot.order.domain.OrderErrors;
import io.cryptobot.order.domain.OrderStatus;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The caller's orders (with their events and fills) and fills, filtered and paged, newest first; orders placed
 * and canceled by hand on paper accounts.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
public class OrderResource {
    /** What POST /api/orders answers, for the document: an order placed, and one the kill switch denied. */
    private static final String PLACED_EXAMPLE = """
            {"id": "01a2498c-9dab-79c0-aa39-a6a6f54bd2af", "clientOrderId": "my-1",
             "accountId": "7e601db7-4415-4e4d-a4d9-13444011fb62", "botId": "c912be39-8060-4b66-be18-b912cfdae9f4",
             "instrument": "BINANCE:BTC/USDT", "side": "buy", "type": "market", "quantity": "0.01",
             "limitPrice": null, "triggerPrice": null, "timeInForce": "gtc", "reduceOnly": false,
             "status": "submitted", "filledQuantity": "0", "averagePrice": null, "venueOrderId": null,
             "correlationId": "394eb38a-cfcb-4765-84e3-fd8dac40eb30", "tag": "manual",
             "createdAt": "2024-01-01T00:03:00Z", "updatedAt": "2024-01-01T00:03:00Z"}
            """;
    private static final String DENIED_EXAMPLE = """
            {"id": "01a2498c-ade9-79e1-aee0-6efc883a09cb", "clientOrderId": "my-2",
             "accountId": "7e601db7-4415-4e4d-a4d9-13444011fb62", "botId": "c912be39-8060-4b66-be18-b912cfdae9f4",
             "instrument": "BINANCE:BTC/USDT", "side": "buy", "type": "market", "quantity": "0.01",
             "limitPrice": null, "triggerPrice": null, "timeInForce": "gtc", "reduceOnly": false,
             "status": "denied", "filledQuantity": "0", "averagePrice": null, "venueOrderId": null,
             "correlationId": "cc7c01f5-a4de-462d-a323-9b6124631d7e", "tag": "manual",
             "createdAt": "2024-01-01T00:07:00Z", "updatedAt": "2024-01-01T00:07:00Z"}
            """;
    private final OrderQueries orders;
    private final PlaceOrderUseCase placing;
    private final CancelOrderUseCase canceling;
    private final WatchOrdersQuery watching;

    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    OrderResource(OrderQueries orders, PlaceOrderUseCase placing, CancelOrderUseCase canceling,
                  WatchOrdersQuery watching, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.orders = orders;
        this.placing = placing;
        this.canceling = canceling;
        this.watching = watching;
        this.mapper = mapper;
    }

    /** One pushed update: {@code kind} is {@code order} (with {@code order}) or {@code fill} (with {@code fill}). */
    public record UpdateResponse(String kind, OrderResponse order, FillResponse fill) {
        static UpdateResponse of(OrderUpdate update) {
            return switch (update) {
                case OrderUpdate.OrderChanged changed -> new UpdateResponse("order", OrderResponse.of(changed.order()),
                        null);
                case OrderUpdate.Filled filled -> new UpdateResponse("fill", null, FillResponse.of(filled.fill()));
            };
        }
    }

    /** Every change of the caller's orders and every fill as server-sent events, from now on, until disconnect. */
    @GET
    @Path("orders/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stream order updates",
            description = "Server-sent events: every change of the caller's orders and every fill, "
                    + "from now until the client disconnects. Each event's data is one JSON "
                    + "update: kind \"order\" (with order) or \"fill\" (with fill).")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(implementation = UpdateResponse.class)))
    public Multi<UpdateResponse> stream(@Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        return watching.watch(caller).map(UpdateResponse::of);
    }

    public record PlaceRequest(String accountId, String clientOrderId, String instrument, String side, String type,
                               String quantity, String limitPrice, String triggerPrice, String timeInForce,
                               Boolean reduceOnly) {
    }

    /**
     * Places an order by hand on a paper account with a live session: 201 with the order (denied if the
     * pre-trade check refused it), or 200 with the first order when the client order id was used before.
     */
    @POST
    @Path("orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Place an order by hand",
            description = "Places an order on a paper account that has a live bot session (strategy "
                    + "\"manual\" for a market without a strategy). Idempotent by clientOrderId: "
                    + "the same request again answers 200 with the first order. An order the "
                    + "pre-trade check or the kill switch refuses is still recorded and answers "
                    + "201 with status \"denied\": check status, a 201 does not mean the order "
                    + "was placed. Lift a halt with POST /api/risk/resume. Orders count against the "
                    + "caller's orders per minute, shared with their bots (429 over it; bots wait instead).")
    @APIResponse(responseCode = "201", description = "The order recorded (Location: /api/orders/{id}); status \"denied\" if risk "
            + "checks or the kill switch refused it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderResponse.class),
                    examples = {
                        @ExampleObject(name = "placed", summary = "placed: submitted to the session's venue",
                                value = PLACED_EXAMPLE),
                        @ExampleObject(name = "denied", summary = "denied by the kill switch or a risk rule: recorded, "
                                + "never sent (see /api/risk/blocks)", value = DENIED_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "The order this clientOrderId already names (same request sent again)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "400", description = "order.invalid_input: a field is missing or malformed (account, side, "
            + "type, quantity, prices, time in force, unknown instrument, off the tick "
            + "or step); errors[] names each")
    @APIResponse(responseCode = "409", description = "order.client_order_id_reused: the clientOrderId names an order with "
            + "other fields; order.no_live_session: the account has no live bot session "
            + "to trade through")
    @APIResponse(responseCode = "422", description = "order.refused: the venue refused the order")
    @APIResponse(responseCode = "429", description = "order.rate_limited: the caller's bots and hand orders together "
            + "created as many orders in the last 60 seconds as allowed; nothing was recorded; the problem names limit "
            + "orders-per-minute-per-user and its max (default 600, cryptobot.limits.orders-per-minute-per-user); "
            + "Retry-After: seconds until a place frees")
    @APIResponse(responseCode = "503", description = "bot.recovering: the session is being rebuilt from its journal; retry "
            + "after Retry-After seconds")
    public Response place(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlaceRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"accountId\":\"0190f7a2-5b1e-7c3d-9a8b-1c2d3e4f5a6b\",\"clientOrderId\":\"my-1\",\"instrument\":\"BINANCE:BTC/USDT\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":\"0.01\",\"limitPrice\":\"42000.5\",\"timeInForce\":\"gtc\"}"))) PlaceRequest request, @HeaderParam("X-Correlation-Id") String correlationId,
                          @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(OrderErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        UserId caller = new UserId(RestInputs.caller(security));
        return PlaceOrderCommand.of(request.accountId(), request.clientOrderId(), request.instrument(),
                        request.side(), request.type(), request.quantity(), request.limitPrice(),
                        request.triggerPrice(), request.timeInForce(), request.reduceOnly(), correlationId)
                .flatMap(command -> placing.place(caller, command))
                .fold(Problems::response, placed -> placed.created()
                        ? Response.created(URI.create("/api/orders/" + placed.order().id()))
                                .entity(OrderResponse.of(placed.order())).build()
                        : Response.ok(OrderResponse.of(placed.order())).build());
    }

    @POST
    @Path("orders/{id}/cancel")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Cancel an order",
            description = "Cancels one of the caller's open orders through its live session.")
    @APIResponse(responseCode = "200", description = "The order, canceled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "404", description = "order.not_found: no such order of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "order.not_open: the order is already closed; order.no_live_session: its "
            + "account has no live session")
    @APIResponse(responseCode = "503", description = "bot.recovering: the session is being rebuilt from its journal; retry "
            + "after Retry-After seconds")
    public Response cancel(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        Option<UUID> parsed = uuid(id);
        if (parsed.isEmpty()) {
            return Problems.response(OrderErrors.notFound(id));
        }
        return canceling.cancel(caller, parsed.get()).fold(Problems::response,
                order -> Response.ok(OrderResponse.of(order)).build());
    }

    public record OrderResponse(String id, String clientOrderId, String accountId, String botId, String instrument,
                                String side, String type, String quantity, String limitPrice, String triggerPrice,
                                String timeInForce, boolean reduceOnly, String status, String filledQuantity,
                                String averagePrice, String venueOrderId, String correlationId, String tag,
                                Instant createdAt, Instant updatedAt) {
        static OrderResponse of(OrderView o) {
            return new OrderResponse(o.id().toString(), o.clientOrderId(), o.accountId().toString(),
                    o.botId() == null ? null : o.botId().toString(), o.instrument(), o.side(), o.type(),
                    plain(o.quantity()), plain(o.limitPrice()), plain(o.triggerPrice()), o.timeInForce(),
                    o.reduceOnly(), o.status(), plain(o.filledQuantity()), plain(o.averagePrice()), o.venueOrderId(),
                    o.correlationId().toString(), o.tag(), o.createdAt(), o.updatedAt());
        }
    }

    public record FillResponse(String orderId, String tradeId, String accountId, String botId, String instrument,
                               String side, String quantity, String price, String fee, String feeAsset,
                               String liquidity, Instant executedAt) {
        static FillResponse of(FillView f) {
            return new FillResponse(f.orderId().toString(), f.tradeId(), f.accountId().toString(),
                    f.botId() == null ? null : f.botId().toString(), f.instrument().toString(),
                    f.side().name().toLowerCase(Locale.ROOT), plain(f.quantity().toBigDecimal()),
                    plain(f.price().toBigDecimal()), plain(f.fee().toBigDecimal()), f.fee().asset().code(),
                    f.liquidity().name().toLowerCase(Locale.ROOT), f.executedAt());
        }
    }

    public record OrderDetailsResponse(OrderResponse order, java.util.List<OrderDetails.Event> events,
                                       java.util.List<FillResponse> fills) {
    }

    /**
     * Runs on the event loop: the query is non-blocking from end to end. The JSON of a page is kept under the
     * caller's journal version ({@link OrderQueries#version}): the next write of theirs changes the version, so a
     * kept page is never older than the caller's last write, and a dashboard polling an unchanged list costs no
     * query. At most {@link #KEPT_BYTES} of pages are kept (pages of older versions included); then all are
     * dropped. One instance's writes only: with several instances this would need a shared version (not built).
     */
    @GET
    @Path("orders")
    @Operation(summary = "List orders",
            description = "The caller's orders, newest first, filtered by status (comma-separated), "
                    + "instrument, bot, account and creation time (from inclusive, to "
                    + "exclusive), paged.")
    @APIResponse(responseCode = "200", description = "One page of orders",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = OrderResponse.class))))
    @APIResponse(responseCode = "400", description = "order.invalid_input: unknown status, malformed instrument, id or time, "
            + "to not after from, or bad offset/limit; errors[] names each")
    public Uni<Response> list(@QueryParam("status") String status, @QueryParam("instrument") String instrument,
                              @QueryParam("bot") String bot, @QueryParam("account") String account,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                              @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        Query query = parse(status, instrument, bot, account, from, to, offset, limit);
        if (!query.problems.isEmpty()) {
            return Uni.createFrom().item(Problems.response(OrderErrors.invalid(query.problems)));
        }
        PageKey key = new PageKey(caller, query.filter, query.page, orders.version(caller));
        byte[] kept = pages.get(key);
        if (kept != null) {
            return Uni.createFrom().item(json(kept));
        }
        return orders.list(caller, query.filter, query.page).map(page -> {
            byte[] body = write(PageResponse.of(page, OrderResponse::of));
            if (keptBytes.addAndGet(body.length) > KEPT_BYTES) {
                pages.clear();
                keptBytes.set(body.length);
            }
            pages.put(key, body);
            return json(body);
        });
    }

    static final long KEPT_BYTES = 64L << 20;
    private final java.util.concurrent.atomic.AtomicLong keptBytes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<PageKey, byte[]> pages =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record PageKey(UserId owner, OrderFilter filter, io.cryptobot.kernel.domain.PageRequest page,
                           long version) {
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("order page not serializable", e);
        }
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("orders/{id}")
    @Operation(summary = "Get an order with its events and fills",
            description = "One of the caller's orders, with every event of its life (submitted, "
                    + "accepted, filled, ...) and its fills.")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderDetailsResponse.class)))
    @APIResponse(responseCode = "404", description = "order.not_found: no such order of the caller (also a malformed id)")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        Option<UUID> parsed = uuid(id);
        if (parsed.isEmpty()) {
            return Problems.response(OrderErrors.notFound(id));
        }
        return orders.get(caller, parsed.get()).fold(Problems::response, details -> Response.ok(
                new OrderDetailsResponse(OrderResponse.of(details.order()), details.events(),
                        details.fills().stream().map(FillResponse::of).toList())).build());
    }

    @GET
    @Path("fills")
    @Operation(summary = "List fills",
            description = "The caller's fills, newest first, filtered by instrument, bot, account "
                    + "and time, paged.")
    @APIResponse(responseCode = "200", description = "One page of fills",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = FillResponse.class))))
    @APIResponse(responseCode = "400", description = "order.invalid_input: malformed instrument, id or time, to not after "
            + "from, or bad offset/limit")
    public Response fills(@QueryParam("instrument") String instrument, @QueryParam("bot") String bot,
                          @QueryParam("account") String account, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("offset") String offset,
                          @QueryParam("limit") String limit, @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        Query query = parse(null, instrument, bot, account, from, to, offset, limit);
        if (!query.problems.isEmpty()) {
            return Problems.response(OrderErrors.invalid(query.problems));
        }
        return Response.ok(PageResponse.of(orders.fills(caller, query.filter, query.page), FillResponse::of)).build();
    }

    private record Query(OrderFilter filter, PageRequest page, List<Violation> problems) {
    }

    private static Query parse(String status, String instrument, String bot, String account, String from, String to,
                               String offset, String limit) {
        List<Violation> problems = List.empty();
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (status != null && !status.isBlank()) {
            for (String code : status.split(",")) {
                try {
                    statuses.add(OrderStatus.valueOf(code.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems = problems.append(new Violation("status", "unknown status '" + code.strip() + "'; known: "
                            + List.of(OrderStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).mkString(", ")));
                }
            }
        }
        Option<String> instrumentId = Option.none();
        if (instrument != null && !instrument.isBlank()) {
            var parsed = InstrumentId.parse(instrument.strip());
            if (parsed.isLeft()) {
                problems = problems.append(new Violation("instrument", parsed.getLeft()));
            } else {
                instrumentId = Option.some(parsed.get().toString());
            }
        }
        var botId = RestInputs.uuid("bot", bot);
        var accountId = RestInputs.uuid("account", account);
        var since = RestInputs.instant("from", from);
        var until = RestInputs.instant("to", to);
        for (var input : java.util.List.of(botId, accountId, since, until)) {
            if (input.isInvalid()) {
                problems = problems.append(input.getError());
            }
        }
        if (since.isValid() && until.isValid() && since.get().isDefined() && until.get().isDefined()
                && !since.get().get().isBefore(until.get().get())) {
            problems = problems.append(new Violation("to", "must be after from"));
        }
        var page = RestInputs.page(offset, limit);
        if (page.isInvalid()) {
            problems = problems.append(page.getError());
        }
        return new Query(problems.isEmpty() ? new OrderFilter(statuses, instrumentId, botId.get(), accountId.get(),
                since.get(), until.get()) : null,
                page.isValid() ? page.get() : null, problems);
    }

    private static Option<UUID> uuid(String text) {
        try {
            return Option.some(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
