package io.cryptobot.bot.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.bot.application.port.in.AuditChain;
import io.cryptobot.bot.application.port.in.AuditTrailQuery;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderDetails;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The audit trail: the whole chain behind one correlation id (signal or API call, risk check, order with its
 * events, fills, position changes), and the caller's order events filtered by type, bot and time.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
public class AuditResource {
    private final AuditTrailQuery audit;
    private final OrderQueries orders;

    AuditResource(AuditTrailQuery audit, OrderQueries orders) {
        this.audit = audit;
        this.orders = orders;
    }

    public record OrderStep(String id, String clientOrderId, String status, String side, String type,
                            String quantity, String filledQuantity, String averagePrice, String tag,
                            java.util.List<OrderDetails.Event> events) {
    }

    public record PositionStep(String orderId, String tradeId, String instrument, String side, String quantity,
                               String positionAfter, Instant at) {
    }

    public record ChainResponse(String correlationId, AuditChain.Origin origin,
                                java.util.List<AuditChain.RiskCheck> riskChecks,
                                java.util.List<OrderStep> orders, java.util.List<PositionStep> positionChanges) {
        static ChainResponse of(AuditChain chain) {
            java.util.List<OrderStep> steps = new java.util.ArrayList<>();
            for (OrderDetails details : chain.orders()) {
                var o = details.order();
                steps.add(new OrderStep(o.id().toString(), o.clientOrderId(), o.status(), o.side(), o.type(),
                        plain(o.quantity()), plain(o.filledQuantity()), plain(o.averagePrice()), o.tag(),
                        details.events()));
            }
            java.util.List<PositionStep> positions = chain.positionChanges().stream().map(p -> new PositionStep(
                    p.orderId().toString(), p.tradeId(), p.instrument().toString(),
                    p.side().name().toLowerCase(Locale.ROOT), plain(p.quantity().toBigDecimal()),
                    plain(p.positionAfter().toBigDecimal()), p.at())).toList();
            return new ChainResponse(chain.correlationId().toString(), chain.origin(), chain.riskChecks(), steps,
                    positions);
        }
    }

    public record EventResponse(String id, String type, String detail, String orderId, String correlationId,
                                String accountId, String botId, String instrument, String side,
                                Instant occurredAt) {
    }

    @GET
    @Path("{correlationId}")
    @Operation(summary = "The decision chain of a correlation id",
            description = "Everything that followed one signal or API call: its origin, the risk "
                    + "checks, the orders and their events, the fills and the position changes, "
                    + "in order. Only the caller's own.")
    @APIResponse(responseCode = "200", description = "The chain",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChainResponse.class)))
    @APIResponse(responseCode = "404", description = "audit.not_found: no such correlation id among the caller's (also a "
            + "malformed one)")
    public Response chain(@PathParam("correlationId") String correlationId, @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        Option<UUID> id = RestInputs.uuid("correlationId", correlationId).toOption().flatMap(o -> o);
        if (id.isEmpty()) {
            return Problems.response(new DomainError.NotFound("audit.not_found", "no correlation id " + correlationId));
        }
        return audit.chain(caller, id.get()).fold(Problems::response,
                chain -> Response.ok(ChainResponse.of(chain)).build());
    }

    /** Order events (initialized, submitted, accepted, denied, filled, canceled, ...) newest first. */
    @GET
    @Path("events")
    @Operation(summary = "List order events",
            description = "The caller's order events (initialized, submitted, accepted, denied, "
                    + "filled, canceled, ...), newest first, filtered by type, bot and time "
                    + "range (from inclusive, to exclusive), paged.")
    @APIResponse(responseCode = "200", description = "One page of events",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = EventResponse.class))))
    @APIResponse(responseCode = "400", description = "audit.invalid_input: unknown type, malformed bot id or time, or bad "
            + "offset/limit; errors[] names each")
    public Response events(@QueryParam("type") String type, @QueryParam("bot") String bot,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                           @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        var botId = RestInputs.uuid("bot", bot);
        var since = RestInputs.instant("from", from);
        var until = RestInputs.instant("to", to);
        var page = RestInputs.page(offset, limit);
        List<Violation> problems = List.empty();
        for (var input : java.util.List.of(botId, since, until, page)) {
            if (input.isInvalid()) {
                problems = problems.append(input.getError());
            }
        }
        Option<String> eventType = Option.of(type).map(String::strip).filter(t -> !t.isEmpty());
        if (eventType.isDefined() && !EVENT_TYPES.contains(eventType.get())) {
            problems = problems.append(new Violation("type", "unknown event type '" + eventType.get() + "'; known: "
                    + String.join(", ", EVENT_TYPES)));
        }
        if (!problems.isEmpty()) {
            return Problems.response(new DomainError.Invalid("audit.invalid_input", "the request has "
                    + problems.size() + " invalid field(s)", problems.toJavaList()));
        }
        return Response.ok(PageResponse.of(orders.events(caller, new OrderQueries.EventFilter(eventType,
                botId.get(), since.get(), until.get()), page.get()), e -> new EventResponse(e.id().toString(),
                e.type(), e.detail(), e.orderId().toString(), e.correlationId().toString(), e.accountId().toString(),
                e.botId() == null ? null : e.botId().toString(), e.instrument(), e.side(), e.occurredAt()))).build();
    }

    static final java.util.List<String> EVENT_TYPES = java.util.List.of("initialized", "denied", "submitted",
            "accepted", "rejected", "triggered", "pending_cancel", "canceled", "expired", "filled");

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
