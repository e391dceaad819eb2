package io.cryptobot.bot.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.bot.application.port.in.ListStrategiesQuery;
import io.cryptobot.bot.domain.strategy.ParameterSpec;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The strategy catalog: what a backtest or bot can run, and the parameters each one takes. */
@Path("/api/strategies")
@Produces(MediaType.APPLICATION_JSON)
public class StrategyResource {
    private final ListStrategiesQuery strategies;

    StrategyResource(ListStrategiesQuery strategies) {
        this.strategies = strategies;
    }

    public record StrategyResponse(String id, String description, List<Parameter> parameters) {
    }

    /** {@code defaultValue} is what an omitted optional parameter takes; a required one shows an example. */
    @Schema(name = "StrategyParameter")
    public record Parameter(String name, String type, boolean required, String defaultValue, String min, String max,
                            String description) {
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List the strategies",
            description = "Every built-in strategy a bot or backtest can run, with its parameters: "
                    + "type, whether required, default, bounds and meaning; paged like every list.")
    @APIResponse(responseCode = "200", description = "One page of strategies (all of them with the default limit)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = StrategyResponse.class))))
    @APIResponse(responseCode = "400", description = "bot.invalid_input: offset or limit is not a whole number in range")
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        var page = RestInputs.page(offset, limit);
        if (page.isInvalid()) {
            return Problems.response(BotErrors.invalid(io.vavr.collection.List.of(page.getError())));
        }
        return Response.ok(PageResponse.of(Page.slice(strategies.strategies(), page.get()), StrategyResource::of))
                .build();
    }

    static StrategyResponse of(StrategyDefinition definition) {
        return new StrategyResponse(definition.id(), definition.description(),
                definition.parameters().map(StrategyResource::of).toJavaList());
    }

    static Parameter of(ParameterSpec spec) {
        Object value = spec.defaultValue();
        String defaultValue = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        return new Parameter(spec.name(), spec.type().name().toLowerCase(Locale.ROOT), spec.required(), defaultValue,
                spec.min().map(BigDecimal::toPlainString).getOrNull(),
                spec.max().map(BigDecimal::toPlainString).getOrNull(), spec.description());
    }
}
