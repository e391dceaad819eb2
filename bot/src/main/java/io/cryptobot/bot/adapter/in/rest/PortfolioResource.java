package io.cryptobot.bot.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.bot.application.port.in.PortfolioSummary;
import io.cryptobot.bot.application.port.in.PortfolioSummaryQuery;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.UserId;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The caller's paper trading summed up over every bot, per account currency. */
@Path("/api/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
public class PortfolioResource {
    private final PortfolioSummaryQuery summaries;
    /** The JSON of each owner's last summary, under the version it was read at. */
    private final KeptJson<UserId> kept;

    PortfolioResource(PortfolioSummaryQuery summaries, ObjectMapper mapper) {
        this.summaries = summaries;
        this.kept = new KeptJson<>(mapper, 10_000);
    }

    public record BotShareResponse(String botId, String name, String status, String instrument, String equity,
                                   String netPnl, int trades,
                                   @Schema(nullable = true, description = "true when the bot's position is dust: "
                                           + "held, yet flat for its strategy (less than one lot step, or its "
                                           + "sellable part worth less than the venue's minimum order notional at "
                                           + "the last close), as the bot's running session judges it; false when "
                                           + "it judges it not dust (or nothing is held); null when the bot's "
                                           + "session does not run on this instance. Equity and exposure count the "
                                           + "dust all the same") Boolean dust) {
    }

    public record CurrencyResponse(String currency, String startingCash, String equity, String realizedPnl,
                                   String unrealizedPnl, String netPnl, int trades, List<BotShareResponse> bots,
                                   Map<String, String> pnlByInstrument, Map<String, String> pnlByDay,
                                   Map<String, String> pnlByWeek, Map<String, String> pnlByMonth,
                                   Map<String, String> exposure,
                                   @Schema(description = "The part of exposure held as dust, by asset, at each "
                                           + "bot's last close: the positions the bots' running sessions judge "
                                           + "dust (see bots[].dust); included in exposure, equity and P&L")
                                   Map<String, String> dustExposure) {
        static CurrencyResponse of(PortfolioSummary.CurrencyTotals t) {
            Map<String, String> exposure = new TreeMap<>();
            t.exposure().forEach((asset, value) -> exposure.put(asset.code(), money(value)));
            Map<String, String> dustExposure = new TreeMap<>();
            t.dustExposure().forEach((asset, value) -> dustExposure.put(asset.code(), money(value)));
            return new CurrencyResponse(t.currency().code(), money(t.startingCash()), money(t.equity()),
                    money(t.realizedPnl()), money(t.unrealizedPnl()), money(t.netPnl()), t.trades(),
                    t.bots().stream().map(b -> new BotShareResponse(b.botId(), b.name(), b.status(), b.instrument(),
                            money(b.equity()), money(b.netPnl()), b.trades(), b.dust().getOrNull())).toList(),
                    plain(t.pnlByInstrument()), plain(t.pnlByDay()), plain(t.pnlByWeek()), plain(t.pnlByMonth()),
                    exposure, dustExposure);
        }
    }

    public record SummaryResponse(List<CurrencyResponse> currencies) {
    }

    @GET
    @Path("summary")
    @Operation(summary = "Summary of all the caller's bots",
            description = "Every bot of the caller summed up per quote currency: starting cash, "
                    + "equity, realized and unrealized P&L, each bot's share with its dust marked (as the bot's "
                    + "portfolio marks it), and exposure by asset with the part held as dust.")
    @APIResponse(responseCode = "200", description = "The summary, one entry per currency",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SummaryResponse.class)))
    public Uni<Response> summary(@Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        return kept.answer(caller, summaries.version(caller), () -> new SummaryResponse(
                summaries.summary(caller).currencies().stream().map(CurrencyResponse::of).toList()));
    }

    private static Map<String, String> plain(Map<String, BigDecimal> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
        return out;
    }

    private static String money(Money money) {
        return money.toBigDecimal().stripTrailingZeros().toPlainString();
    }
}
