package io.cryptobot.bot.adapter.in.rest;

import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.application.port.in.BotPerformance;
import io.cryptobot.bot.application.port.in.BotPerformanceQuery;
import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.portfolio.domain.metrics.EquityCurve;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import io.cryptobot.bot.application.port.in.BotPortfolioQuery;
import io.cryptobot.bot.application.port.in.BotEventsQuery;
import io.cryptobot.bot.application.port.in.CreateBotUseCase;
import io.cryptobot.bot.application.port.in.ListBotsQuery;
import io.cryptobot.bot.application.port.in.PauseBotUseCase;
import io.cryptobot.bot.application.port.in.ResumeBotUseCase;
import io.cryptobot.bot.application.port.in.StartBotUseCase;
import io.cryptobot.bot.application.port.in.StopBotUseCase;
import io.cryptobot.bot.application.port.in.CreateBotCommand;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.cryptobot.portfolio.domain.Position;
import io.cryptobot.risk.domain.LimitsInput;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Paper bots: create, start, pause, resume, stop, list (with P&L), get, their control history and portfolio.
 * A bot's orders and fills are {@code GET /api/orders?bot=ID} and {@code GET /api/fills?bot=ID}.
 */
@Path("/api/bots")
@Produces(MediaType.APPLICATION_JSON)
public class BotResource {
    private static final int MAX_PAGE = 100;
    private final CreateBotUseCase creating;
    private final ListBotsQuery listing;
    private final StartBotUseCase starting;
    private final PauseBotUseCase pausing;
    private final ResumeBotUseCase resuming;
    private final StopBotUseCase stopping;
    private final BotEventsQuery history;
    private final BotPortfolioQuery portfolios;
    private final BotPerformanceQuery performances;

    BotResource(CreateBotUseCase creating, ListBotsQuery listing, StartBotUseCase starting, PauseBotUseCase pausing,
                ResumeBotUseCase resuming, StopBotUseCase stopping, BotEventsQuery history,
                BotPortfolioQuery portfolios, BotPerformanceQuery performances) {
        this.creating = creating;
        this.listing = listing;
        this.starting = starting;
        this.pausing = pausing;
        this.resuming = resuming;
        this.stopping = stopping;
        this.history = history;
        this.portfolios = portfolios;
        this.performances = performances;
    }

    public record PerformanceResponse(String botId, String currency, Map<String, Object> metrics, int samples,
                                      java.util.List<EquityCurve.Point> curve, Map<String, String> pnlByDay,
                                      Map<String, String> pnlByWeek, Map<String, String> pnlByMonth,
                                      Map<String, String> pnlByInstrument, Map<String, Object> distribution,
                                      Map<String, String> exposure, Pnl pnl) {
        static PerformanceResponse of(BotPerformance p) {
            Map<String, Object> metrics = null;
            if (p.metrics().isDefined()) {
                metrics = new LinkedHashMap<>();
                for (var component : PerformanceMetrics.class.getRecordComponents()) {
                    try {
                        Object value = component.getAccessor().invoke(p.metrics().get());
                        metrics.put(component.getName(), value instanceof Double d && !Double.isFinite(d) ? null : value);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            Map<String, Object> distribution = new LinkedHashMap<>();
            distribution.put("wins", p.distribution().wins());
            distribution.put("losses", p.distribution().losses());
            distribution.put("even", p.distribution().even());
            distribution.put("bins", p.distribution().bins().stream().map(b -> Map.of("from", plain(b.from()),
                    "to", plain(b.to()), "trades", b.trades())).toList());
            Map<String, String> exposure = new TreeMap<>();
            p.exposure().forEach((asset, value) -> exposure.put(asset.code(), money(value)));
            return new PerformanceResponse(p.portfolio().bot().id().toString(),
                    p.portfolio().bot().startingCash().asset().code(), metrics, p.curve().samples(),
                    p.curve().points(), plainValues(p.pnlByDay()), plainValues(p.pnlByWeek()),
                    plainValues(p.pnlByMonth()), plainValues(p.pnlByInstrument()), distribution, exposure,
                    Pnl.of(p.portfolio()));
        }

        private static Map<String, String> plainValues(Map<String, BigDecimal> values) {
            Map<String, String> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
    }

    public record CreateRequest(String name, String strategy, Map<String, String> parameters, String instrument,
                                String timeframe, String accountId, FeedRequest feed, String makerFee, String takerFee,
                                String slippageBps, String maxVolumeShare, LimitsRequest limits,
                                SizingRequest sizing) {
    }

    /** An entry sizing, as for backtests: its kind and the one number that kind needs. */
    public record SizingRequest(String kind, String quantity, String amount, String percent) {
        EntrySizing.Raw raw() {
            return new EntrySizing.Raw(kind, quantity, amount, percent);
        }

        /** The kind and the one number it uses, nothing null (the response's shape). */
        static Map<String, String> fields(Sizing sizing) {
            EntrySizing.Raw raw = EntrySizing.raw(sizing);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("kind", raw.kind());
            putIfSet(fields, "quantity", raw.quantity());
            putIfSet(fields, "amount", raw.amount());
            putIfSet(fields, "percent", raw.percent());
            return fields;
        }
    }

    /** The bot's own limits, as {@code PUT /api/risk/limits} takes them (the currency is the instrument's quote). */
    public record LimitsRequest(String maxOrderNotional, String maxPositionSharePercent, String maxOpenOrders,
                                String maxDailyLoss, String maxDailyLossPercent, String maxAssetExposurePercent,
                                String maxOrdersPerMinute) {
        LimitsInput input() {
            return new LimitsInput(maxOrderNotional, maxPositionSharePercent, maxOpenOrders, maxDailyLoss,
                    maxDailyLossPercent, maxAssetExposurePercent, maxOrdersPerMinute);
        }
    }

    public record FeedRequest(String kind, String from, String to, String speed) {
    }

    public record ControlRequest(String reason) {
    }

    public record BotResponse(String id, String name, String strategy, Map<String, String> parameters,
                              String instrument, String timeframe, String accountId, String startingCash,
                              String currency, Map<String, Object> costs, Map<String, String> limits,
                              Map<String, String> sizing,
                              Map<String, Object> feed, String status,
                              String statusReason, Instant lastStep, long steps, String lastClose, Pnl pnl,
                              Instant createdAt, Instant updatedAt) {
        static BotResponse of(Bot bot, BotPortfolio portfolio) {
            Map<String, Object> costs = new LinkedHashMap<>();
            costs.put("makerFee", plain(bot.costs().makerFee()));
            costs.put("takerFee", plain(bot.costs().takerFee()));
            costs.put("slippageBps", bot.costs().slippageBps());
            costs.put("maxVolumeShare", plain(bot.costs().maxVolumeShare()));
            Map<String, Object> feed = new LinkedHashMap<>();
            feed.put("kind", "replay");
            feed.put("from", Instant.ofEpochMilli(bot.feed().from()));
            feed.put("to", Instant.ofEpochMilli(bot.feed().to()));
            feed.put("speed", bot.feed().speed());
            LimitsInput in = LimitsInput.of(bot.limits());
            Map<String, String> limits = new LinkedHashMap<>();
            putIfSet(limits, "maxOrderNotional", in.maxOrderNotional());
            putIfSet(limits, "maxPositionSharePercent", in.maxPositionSharePercent());
            putIfSet(limits, "maxOpenOrders", in.maxOpenOrders());
            putIfSet(limits, "maxDailyLoss", in.maxDailyLoss());
            putIfSet(limits, "maxDailyLossPercent", in.maxDailyLossPercent());
            putIfSet(limits, "maxAssetExposurePercent", in.maxAssetExposurePercent());
            putIfSet(limits, "maxOrdersPerMinute", in.maxOrdersPerMinute());
            return new BotResponse(bot.id().toString(), bot.name(), bot.strategy(), bot.parameters(),
                    bot.instrument().toString(), bot.timeframe().code(), bot.accountId().toString(),
                    money(bot.startingCash()), bot.startingCash().asset().code(), costs, limits,
                    StrategyCatalog.find(bot.strategy()).flatMap(d -> d.entrySizing(
                            d.validate(bot.parameters()).getOrElse(d::defaults), bot.sizing()))
                            .map(SizingRequest::fields).getOrNull(), feed,
                    bot.status().code(),
                    bot.statusReason().getOrNull(), bot.lastStep().map(Instant::ofEpochMilli).getOrNull(), bot.steps(),
                    close(bot), portfolio == null ? null : Pnl.of(portfolio), bot.createdAt(),
                    bot.updatedAt());
        }
    }

    public record Pnl(String equity, String realizedPnl, String unrealizedPnl, String netPnl, int trades) {
        static Pnl of(BotPortfolio p) {
            return new Pnl(money(p.equity()), money(p.realizedPnl()), money(p.unrealizedPnl()), money(p.netPnl()),
                    p.trades().size());
        }
    }

    public record PositionResponse(String instrument, String quantity, String cost, String averagePrice,
                                   String realizedPnl, String fees) {
        static PositionResponse of(Position p) {
            String average = p.quantity().units() == 0 ? null : p.cost().toBigDecimal()
                    .divide(p.quantity().toBigDecimal(), java.math.MathContext.DECIMAL64).stripTrailingZeros()
                    .toPlainString();
            return new PositionResponse(p.instrument().toString(), plain(p.quantity().toBigDecimal()),
                    money(p.cost()), average, money(p.realizedPnl()), money(p.fees()));
        }
    }

    public record TradeResponse(int seq, String instrument, Instant entryTime, Instant exitTime, String quantity,
                                String entryPrice, String exitPrice, String grossPnl, String fees, String netPnl) {
        static TradeResponse of(int seq, ClosedTrade t) {
            return new TradeResponse(seq, t.instrument().toString(), t.entryTime(), t.exitTime(),
                    plain(t.quantity().toBigDecimal()), plain(t.entryPrice().toBigDecimal()),
                    plain(t.exitPrice().toBigDecimal()), money(t.realizedPnl()), money(t.fees()), money(t.netPnl()));
        }
    }

    public record PortfolioResponse(String botId, String status, Map<String, String> balances,
                                    java.util.List<PositionResponse> positions, Map<String, String> fees, Pnl pnl,
                                    String lastClose, Instant markedAt) {
    }

    public record ControlResponse(String kind, Instant afterStep, String reason, Instant at) {
        static ControlResponse of(BotControl c) {
            return new ControlResponse(c.kind().name().toLowerCase(Locale.ROOT),
                    c.afterStep() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(c.afterStep()), c.reason(), c.at());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response create(CreateRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(BotErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        FeedRequest feed = request.feed() == null ? new FeedRequest(null, null, null, null) : request.feed();
        if (feed.kind() != null && !feed.kind().isBlank() && !"replay".equals(feed.kind().strip())) {
            return Problems.response(BotErrors.invalid(List.of(new Violation("feed.kind",
                    "must be replay (live venue feeds come with live trading)"))));
        }
        Either<DomainError, Bot> created = creating.create(caller(security), new CreateBotCommand(request.name(),
                request.strategy(), request.parameters(), request.instrument(), request.timeframe(),
                request.accountId(), feed.from(), feed.to(), feed.speed(), request.makerFee(), request.takerFee(),
                request.slippageBps(), request.maxVolumeShare(),
                request.limits() == null ? null : request.limits().input(),
                request.sizing() == null ? null : request.sizing().raw()));
        return created.fold(Problems::response, bot -> Response.created(URI.create("/api/bots/" + bot.id()))
                .entity(BotResponse.of(bot, null)).build());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        UserId caller = caller(security);
        var page = RestInputs.page(offset, limit == null ? "50" : limit)
                .flatMap(p -> p.limit() <= MAX_PAGE ? io.vavr.control.Validation.valid(p)
                        : io.vavr.control.Validation.invalid(new Violation("limit", "must be at most " + MAX_PAGE)));
        if (page.isInvalid()) {
            return Problems.response(BotErrors.invalid(List.of(page.getError())));
        }
        return Response.ok(PageResponse.of(listing.list(caller, page.get()), p -> BotResponse.of(p.bot(), p))).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(botId -> portfolios.portfolio(caller, botId))
                .fold(Problems::response, p -> Response.ok(BotResponse.of(p.bot(), p)).build());
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response start(@PathParam("id") String id, @Context SecurityContext security) {
        return control(id, security, (caller, botId) -> starting.start(caller, botId));
    }

    @POST
    @Path("{id}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response pause(@PathParam("id") String id, ControlRequest request, @Context SecurityContext security) {
        return control(id, security, (caller, botId) -> pausing.pause(caller, botId, reason(request)));
    }

    /** The same without a body: the reason defaults to "paused". */
    @POST
    @Path("{id}/pause")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response pauseWithoutReason(@PathParam("id") String id, @Context SecurityContext security) {
        return pause(id, null, security);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response resume(@PathParam("id") String id, @Context SecurityContext security) {
        return control(id, security, (caller, botId) -> resuming.resume(caller, botId));
    }

    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response stop(@PathParam("id") String id, ControlRequest request, @Context SecurityContext security) {
        return control(id, security, (caller, botId) -> stopping.stop(caller, botId, reason(request)));
    }

    /** The same without a body: the reason defaults to "stopped". */
    @POST
    @Path("{id}/stop")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response stopWithoutReason(@PathParam("id") String id, @Context SecurityContext security) {
        return stop(id, null, security);
    }

    @GET
    @Path("{id}/events")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response events(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(botId -> history.events(caller, botId)).fold(Problems::response,
                controls -> Response.ok(controls.stream().map(ControlResponse::of).toList()).build());
    }

    @GET
    @Path("{id}/portfolio")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response portfolio(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(botId -> portfolios.portfolio(caller, botId)).fold(Problems::response, p -> {
            Map<String, String> balances = new TreeMap<>();
            p.balances().forEach((asset, amount) -> balances.put(asset.code(), money(amount)));
            Map<String, String> fees = new TreeMap<>();
            p.fees().forEach((asset, amount) -> fees.put(asset.code(), money(amount)));
            return Response.ok(new PortfolioResponse(p.bot().id().toString(), p.bot().status().code(), balances,
                    p.positions().stream().filter(pos -> !pos.isFlat()).map(PositionResponse::of).toList(), fees,
                    Pnl.of(p), close(p.bot()),
                    p.bot().lastStep().map(Instant::ofEpochMilli).getOrNull())).build();
        });
    }

    /** Metrics (the backtest definitions), equity and drawdown curve, P&L by day/week/month/instrument, spread, exposure. */
    @GET
    @Path("{id}/performance")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response performance(@PathParam("id") String id, @QueryParam("points") String points,
                                @Context SecurityContext security) {
        UserId caller = caller(security);
        var maxPoints = RestInputs.integer("points", points, 500, 3, 100_000);
        if (maxPoints.isInvalid()) {
            return Problems.response(BotErrors.invalid(List.of(maxPoints.getError())));
        }
        return id(id).flatMap(botId -> performances.performance(caller, botId, maxPoints.get()))
                .fold(Problems::response, p -> Response.ok(PerformanceResponse.of(p)).build());
    }

    @GET
    @Path("{id}/trades")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response trades(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(botId -> portfolios.portfolio(caller, botId)).fold(Problems::response, p -> {
            java.util.List<TradeResponse> trades = new java.util.ArrayList<>();
            for (int i = 0; i < p.trades().size(); i++) {
                trades.add(TradeResponse.of(i + 1, p.trades().get(i)));
            }
            return Response.ok(trades).build();
        });
    }

    private Response control(String id, SecurityContext security, BiFunction<UserId, BotId, Either<DomainError, Bot>> action) {
        UserId caller = caller(security);
        return id(id).flatMap(botId -> action.apply(caller, botId))
                .fold(Problems::response, bot -> Response.ok(BotResponse.of(bot, null)).build());
    }

    private static String reason(ControlRequest request) {
        return request == null ? null : request.reason();
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }

    /** A malformed id cannot name anyone's bot: not found, like another user's. */
    private static Either<DomainError, BotId> id(String text) {
        return BotId.parse(text).toEither(() -> BotErrors.notFound(new BotId(new UUID(0, 0))));
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The last close at its price scale, as stored. */
    private static String close(Bot bot) {
        return bot.lastClose().map(close -> close.toBigDecimal().toPlainString()).getOrNull();
    }

    private static String money(Money money) {
        return plain(money.toBigDecimal());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String plain(Rate rate) {
        return plain(rate.toBigDecimal());
    }
}
