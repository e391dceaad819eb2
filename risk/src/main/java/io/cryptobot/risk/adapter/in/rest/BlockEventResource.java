package io.cryptobot.risk.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase.Filter;
import io.cryptobot.risk.domain.BlockEvent;
import io.cryptobot.risk.domain.RuleId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The caller's block events (orders the pre-trade check refused), newest first, and their counts by rule. */
@Path("/api/risk/blocks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
public class BlockEventResource {
    private final BlockEventsUseCase blocks;

    BlockEventResource(BlockEventsUseCase blocks) {
        this.blocks = blocks;
    }

    public record RefusalResponse(String rule, String reason) {
    }

    public record BlockResponse(String id, String orderId, String correlationId, String accountId, String botId,
                                String instrument, String side, String quantity, String referencePrice,
                                boolean reduceOnly, String rule, java.util.List<RefusalResponse> refusals,
                                Instant occurredAt) {
        static BlockResponse of(BlockEvent b) {
            return new BlockResponse(b.id().toString(), b.orderId().toString(),
                    b.intent().correlationId().value().toString(), b.accountId().toString(),
                    b.botId().map(UUID::toString).getOrNull(), b.intent().instrument().toString(),
                    b.intent().side().name().toLowerCase(Locale.ROOT),
                    b.intent().quantity().toBigDecimal().toPlainString(),
                    b.intent().referencePrice().toBigDecimal().toPlainString(), b.intent().reduceOnly(), b.rule(),
                    b.refusals().map(r -> new RefusalResponse(r.ruleId(), r.reason())).toJavaList(), b.occurredAt());
        }
    }

    public record CountsResponse(long total, Map<String, Long> byRule) {
    }

    @GET
    @Operation(summary = "List refused orders",
            description = "The caller's pre-trade refusals (block events), newest first: the order, "
                    + "every rule that refused it with the numbers in its reason; filtered by "
                    + "rule id, bot and time, paged.")
    @APIResponse(responseCode = "200", description = "One page of block events",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = BlockResponse.class))))
    @APIResponse(responseCode = "400", description = "risk.invalid_input: unknown rule, malformed bot id or time, or bad "
            + "offset/limit; errors[] names each")
    public Response list(@QueryParam("rule") String rule, @QueryParam("bot") String bot,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        var filter = filter(rule, bot, from, to);
        var page = RestInputs.page(offset, limit);
        List<Violation> problems = filter.isInvalid() ? filter.getError() : List.empty();
        if (page.isInvalid()) {
            problems = problems.append(page.getError());
        }
        if (!problems.isEmpty()) {
            return Problems.response(invalid(problems));
        }
        return Response.ok(PageResponse.of(blocks.list(caller, filter.get(), page.get()), BlockResponse::of)).build();
    }

    @GET
    @Path("counts")
    @Operation(summary = "Count refused orders by rule",
            description = "How many of the caller's orders were refused, in total and per rule id, "
                    + "with the same filters as the list.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CountsResponse.class)))
    @APIResponse(responseCode = "400", description = "risk.invalid_input: unknown rule, malformed bot id or time; errors[] "
            + "names each")
    public Response counts(@QueryParam("rule") String rule, @QueryParam("bot") String bot,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        var filter = filter(rule, bot, from, to);
        if (filter.isInvalid()) {
            return Problems.response(invalid(filter.getError()));
        }
        Map<String, Long> counts = blocks.countByRule(caller, filter.get());
        long total = blocks.list(caller, filter.get(), new io.cryptobot.kernel.domain.PageRequest(0, 1)).total();
        return Response.ok(new CountsResponse(total, counts)).build();
    }

    private static DomainError invalid(List<Violation> problems) {
        return new DomainError.Invalid("risk.invalid_input", "the request has " + problems.size()
                + " invalid field(s)", problems.toJavaList());
    }

    private static io.vavr.control.Validation<List<Violation>, Filter> filter(String rule, String bot, String from,
                                                                             String to) {
        List<Violation> problems = List.empty();
        Option<String> ruleId = Option.none();
        if (rule != null && !rule.isBlank()) {
            ruleId = List.of(RuleId.values()).map(RuleId::id).find(rule.strip()::equals);
            if (ruleId.isEmpty()) {
                problems = problems.append(new Violation("rule", "unknown rule '" + rule.strip() + "'; known: "
                        + List.of(RuleId.values()).map(RuleId::id).mkString(", ")));
            }
        }
        var botId = RestInputs.uuid("bot", bot);
        var since = RestInputs.instant("from", from);
        var until = RestInputs.instant("to", to);
        for (var input : java.util.List.of(botId, since, until)) {
            if (input.isInvalid()) {
                problems = problems.append(input.getError());
            }
        }
        return problems.isEmpty() ? io.vavr.control.Validation.valid(new Filter(ruleId, botId.get(), since.get(), until.get()))
                : io.vavr.control.Validation.invalid(problems);
    }
}
