package io.cryptobot.bot.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.application.port.in.BotPerformance;
import io.cryptobot.bot.application.port.in.BotPerformanceQuery;
import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.portfolio.domain.metrics.EquityCurve;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import io.cryptobot.portfolio.domain.metrics.TradeAnalytics;
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
import io.cryptobot.bot.domain.bot.FeedSpec;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.bot.ReplayFeedSpec;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.cryptobot.portfolio.domain.Position;
import io.cryptobot.risk.domain.LimitsInput;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.kernel.domain.PageRequest;
import io.smallrye.mutiny.Uni;
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
    /** The JSON of each owner's last bot pages, under the version they were read at. */
    private final KeptJson<PageKey> pages;

    private record PageKey(UserId owner, PageRequest page) {
    }

    BotResource(CreateBotUseCase creating, ListBotsQuery listing, StartBotUseCase starting, PauseBotUseCase pausing,
                ResumeBotUseCase resuming, StopBotUseCase stopping, BotEventsQuery history,
                BotPortfolioQuery portfolios, BotPerformanceQuery performances, ObjectMapper mapper) {
        this.pages = new KeptJson<>(mapper, 10_000);
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

    public record PerformanceResponse(String botId, String currency, MetricsResponse metrics, int samples,
                                      java.util.List<EquityPoint> curve, Map<String, String> pnlByDay,
                                      Map<String, String> pnlByWeek, Map<String, String> pnlByMonth,
                                      Map<String, String> pnlByInstrument, Distribution distribution,
                                      Map<String, String> exposure, Pnl pnl) {
        static PerformanceResponse of(BotPerformance p) {
            Map<String, String> exposure = new TreeMap<>();
            p.exposure().forEach((asset, value) -> exposure.put(asset.code(), money(value)));
            return new PerformanceResponse(p.portfolio().bot().id().toString(),
                    p.portfolio().bot().startingCash().asset().code(),
                    p.metrics().map(MetricsResponse::of).getOrNull(), p.curve().samples(),
                    p.curve().points().stream().map(EquityPoint::of).toList(), plainValues(p.pnlByDay()),
                    plainValues(p.pnlByWeek()), plainValues(p.pnlByMonth()), plainValues(p.pnlByInstrument()),
                    Distribution.of(p.distribution()), exposure, Pnl.of(p.portfolio()));
        }

        private static Map<String, String> plainValues(Map<String, BigDecimal> values) {
            Map<String, String> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
    }

    /**
     * The backtest report's metrics (same names and definitions, {@code PerformanceMetrics}), as decimal strings;
     * null where undefined.
     */
    @Schema(name = "BotMetrics")
    public record MetricsResponse(String totalReturn, String cagr, String sharpe, String sortino, String calmar,
                                  String maxDrawdown, long maxDrawdownDurationSeconds, String winRate,
                                  String profitFactor, String expectancy, String exposure, int tradeCount,
                                  String feesPaid, String var95, String cvar95, boolean annualisedMeaningful,
                                  String annualisedNote) {
        static MetricsResponse of(PerformanceMetrics m) {
            return new MetricsResponse(Decimals.approx(m.totalReturn()), Decimals.approx(m.cagr()),
                    Decimals.approx(m.sharpe()), Decimals.approx(m.sortino()), Decimals.approx(m.calmar()),
                    Decimals.approx(m.maxDrawdown()), m.maxDrawdownDurationMillis() / 1000,
                    Decimals.approx(m.winRate()), Decimals.approx(m.profitFactor()), Decimals.approx(m.expectancy()),
                    Decimals.approx(m.exposure()), m.tradeCount(), Decimals.approx(m.feesPaid()),
                    Decimals.approx(m.var95()), Decimals.approx(m.cvar95()), m.annualisedMeaningful(),
                    m.annualisedCaveat());
        }
    }

    /** Equity in the account currency and drawdown as a fraction below the running peak (0.1 = 10 % down). */
    @Schema(name = "BotEquityPoint")
    public record EquityPoint(Instant time, String equity, String drawdown, boolean exposed) {
        static EquityPoint of(EquityCurve.Point p) {
            return new EquityPoint(Instant.ofEpochMilli(p.time()), Decimals.approx(p.equity()),
                    Decimals.approx(p.drawdown()), p.exposed());
        }
    }

    /** How the closed trades' net P&L spreads: counts of wins, losses and even trades, and a histogram. */
    public record Distribution(int wins, int losses, int even, java.util.List<Bin> bins) {
        static Distribution of(TradeAnalytics.Distribution d) {
            return new Distribution(d.wins(), d.losses(), d.even(), d.bins().stream()
                    .map(b -> new Bin(plain(b.from()), plain(b.to()), b.trades())).toList());
        }
    }

    /** Trades whose net P&L is from {@code from} (inclusive) to {@code to}, in the account currency. */
    public record Bin(String from, String to, int trades) {
    }

    public record CreateRequest(String name, String strategy, Map<String, String> parameters, String instrument,
                                String timeframe, String accountId, FeedRequest feed, String makerFee, String takerFee,
                                String slippageBps, String maxVolumeShare, LimitsRequest limits,
                                SizingRequest sizing,
                                @Schema(description = "On a live account: the amount of the instrument's quote the "
                                        + "bot's ledger starts with (required there; a paper account's balance is "
                                        + "its budget)") String budget,
                                @Schema(description = "On a live account: must be true (the bot trades real money "
                                        + "on the venue)") Boolean confirmLive,
                                @Schema(description = "On a live account: true accepts API keys that may withdraw "
                                        + "(recorded in the bot's events); without it such keys are refused for "
                                        + "trading") Boolean allowWithdrawalKey) {
    }

    /** An entry sizing, as for backtests: its kind and the one number that kind needs. */
    @Schema(name = "BotSizingRequest")
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
    @Schema(name = "BotLimitsRequest")
    public record LimitsRequest(String maxOrderNotional, String maxPositionSharePercent, String maxOpenOrders,
                                String maxDailyLoss, String maxDailyLossPercent, String maxAssetExposurePercent,
                                String maxOrdersPerMinute) {
        LimitsInput input() {
            return new LimitsInput(maxOrderNotional, maxPositionSharePercent, maxOpenOrders, maxDailyLoss,
                    maxDailyLossPercent, maxAssetExposurePercent, maxOrdersPerMinute);
        }
    }

    /**
     * The bot's feed: {@code replay} (the default) of stored candles in [from, to) at {@code speed} (default 60), or
     * {@code live}, the venue's live candles from the next one to close (no from, to or speed).
     */
    @Schema(name = "BotFeedRequest", description = "kind replay (default): stored candles opening in [from, to) "
            + "(ISO-8601 or epoch ms) replayed at speed times real time (default 60, at most 10,000,000); kind live: "
            + "the instrument's venue's live candles, from the next one to close on, warmed up on the last ones "
            + "stored; from, to and speed must be left out")
    public record FeedRequest(@Schema(enumeration = {"replay", "live"}) String kind, String from, String to,
                              String speed) {
    }

    public record ControlRequest(String reason) {
    }

    public record BotResponse(String id, String name, String strategy, Map<String, String> parameters,
                              String instrument, String timeframe, String accountId, String startingCash,
                              String currency, Costs costs, Map<String, String> limits,
                              Map<String, String> sizing, Feed feed, String status,
                              String statusReason, Instant lastStep, long steps, String lastClose, Pnl pnl,
                              Instant createdAt, Instant updatedAt) {
        static BotResponse of(Bot bot, BotPortfolio portfolio) {
            Costs costs = new Costs(plain(bot.costs().makerFee()), plain(bot.costs().takerFee()),
                    String.valueOf(bot.costs().slippageBps()), plain(bot.costs().maxVolumeShare()));
            Feed feed = Feed.of(bot.feed());
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

    /** The fill model's costs: fees as fractions of the notional, slippage in basis points, the volume share. */
    @Schema(name = "BotCosts")
    public record Costs(String makerFee, String takerFee, String slippageBps, String maxVolumeShare) {
    }

    /**
     * Where the bot's candles come from: a replay of stored candles in [from, to) at {@code speed} times real time,
     * or its venue's live candles from its first candle to trade on ({@code from}, null until that candle closed;
     * no {@code to}, no {@code speed}).
     */
    @Schema(name = "BotFeed", description = "Where the bot's candles come from: kind replay (stored candles opening in "
            + "[from, to), played at speed times real time) or live (the venue's live candles as they close; from is "
            + "the open time of the first candle it traded on, null until that candle came; to and speed are null)")
    public record Feed(@Schema(enumeration = {"replay", "live"}) String kind, Instant from, Instant to, Long speed) {
        static Feed of(FeedSpec spec) {
            return switch (spec) {
                case ReplayFeedSpec replay -> new Feed(replay.kind(), Instant.ofEpochMilli(replay.from()),
                        Instant.ofEpochMilli(replay.to()), replay.speed());
                case LiveFeedSpec live -> new Feed(live.kind(), live.start().map(Instant::ofEpochMilli).getOrNull(),
                        null, null);
            };
        }
    }

    public record Pnl(String equity, String realizedPnl, String unrealizedPnl, String netPnl, int trades) {
        static Pnl of(BotPortfolio p) {
            return new Pnl(money(p.equity()), money(p.realizedPnl()), money(p.unrealizedPnl()), money(p.netPnl()),
                    p.trades().size());
        }
    }

    /** One open position of the bot, its whole quantity, marked as dust when its session judges it so. */
    public record PositionResponse(String instrument, String quantity, String cost, String averagePrice,
                                   String realizedPnl, String fees,
                                   @Schema(nullable = true, description = "true when the position is dust: held, yet "
                                           + "flat for the bot's strategy because no order can sell it (less than one "
                                           + "lot step, e.g. left by a fee in the base asset, or its sellable part "
                                           + "worth less than the venue's minimum order notional at the last close); "
                                           + "the strategy enters again at its next signal and the next buy adds to "
                                           + "it. quantity always shows it whole. null when the bot's session does "
                                           + "not run on this instance (stopped, completed, failed): nothing judges "
                                           + "it then") Boolean dust) {
        static PositionResponse of(Position p, Option<Boolean> dust) {
            String average = p.quantity().units() == 0 ? null : p.cost().toBigDecimal()
                    .divide(p.quantity().toBigDecimal(), java.math.MathContext.DECIMAL64).stripTrailingZeros()
                    .toPlainString();
            return new PositionResponse(p.instrument().toString(), plain(p.quantity().toBigDecimal()),
                    money(p.cost()), average, money(p.realizedPnl()), money(p.fees()), dust.getOrNull());
        }
    }

    /** One closed trade (a closed lot portion), the same shape as a backtest's. */
    @Schema(name = "BotTradeResponse")
    public record TradeResponse(int seq, String instrument, Instant entryTime, Instant exitTime,
                                long durationSeconds, String quantity, String entryPrice, String exitPrice,
                                String grossPnl, String fees, String netPnl) {
        static TradeResponse of(int seq, ClosedTrade t) {
            return new TradeResponse(seq, t.instrument().toString(), t.entryTime(), t.exitTime(),
                    java.time.Duration.between(t.entryTime(), t.exitTime()).toSeconds(),
                    plain(t.quantity().toBigDecimal()), plain(t.entryPrice().toBigDecimal()),
                    plain(t.exitPrice().toBigDecimal()), money(t.realizedPnl()), money(t.fees()), money(t.netPnl()));
        }
    }

    public record PortfolioResponse(String botId, String status, Map<String, String> balances,
                                    java.util.List<PositionResponse> positions, Map<String, String> fees, Pnl pnl,
                                    String lastClose, Instant markedAt) {
    }

    /** One entry of a bot's history: its kind (lower case), the step it took effect after, why, and when. */
    public record ControlResponse(String kind, Instant afterStep, String reason, Instant at) {
        static ControlResponse of(BotControl c) {
            return new ControlResponse(c.kind().name().toLowerCase(Locale.ROOT),
                    c.afterStep() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(c.afterStep()), c.reason(), c.at());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Create a paper bot",
            description = "Defines a bot: a strategy and its parameters on one instrument and "
                    + "timeframe, trading a paper account over a replay feed of stored candles "
                    + "(feed kind replay, the default) or its venue's live candles (feed kind live: "
                    + "from the next candle to close, warmed up on the last ones stored, on the same "
                    + "simulated venue and fill model), with optional fees, slippage, sizing and its "
                    + "own risk limits. It is created stopped; start it with POST /api/bots/{id}/start.")
    @APIResponse(responseCode = "201", description = "The bot created (Location: /api/bots/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BotResponse.class)))
    @APIResponse(responseCode = "400", description = "bot.invalid_input: a field is missing or malformed (unknown strategy or "
            + "parameter, bad instrument, feed, fee, sizing or limit; a live feed given from, to or speed, or on an "
            + "instrument whose venue has no live candles here; on a live account: confirmLive not true, a replay feed, "
            + "an instrument of another venue, no or a non-positive budget, no limits.maxOrderNotional or limits.maxDailyLoss "
            + "or one looser than the caller's own); errors[] names each")
    @APIResponse(responseCode = "409", description = "bot.name_taken: the caller already has a bot with this name")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreateRequest.class),
                    examples = {@ExampleObject(name = "example", value = "{\"name\":\"sma\",\"strategy\":\"sma_crossover\",\"parameters\":{\"fast\":\"10\",\"slow\":\"30\"},\"instrument\":\"BINANCE:BTC/USDT\",\"timeframe\":\"1m\",\"accountId\":\"0190f7a2-5b1e-7c3d-9a8b-1c2d3e4f5a6b\",\"feed\":{\"kind\":\"replay\",\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2024-01-08T00:00:00Z\",\"speed\":\"600\"}}"),
                            @ExampleObject(name = "live", value = "{\"name\":\"sma live\",\"strategy\":\"sma_crossover\",\"parameters\":{\"fast\":\"10\",\"slow\":\"30\"},\"instrument\":\"SIM:BTC/USDT\",\"timeframe\":\"1m\",\"accountId\":\"0190f7a2-5b1e-7c3d-9a8b-1c2d3e4f5a6b\",\"feed\":{\"kind\":\"live\"}}"),
                            @ExampleObject(name = "live account", value = "{\"name\":\"sma on binance\",\"strategy\":\"sma_crossover\",\"parameters\":{\"fast\":\"10\",\"slow\":\"30\"},\"instrument\":\"BINANCE:BTC/USDT\",\"timeframe\":\"1m\",\"accountId\":\"0190f7a2-5b1e-7c3d-9a8b-1c2d3e4f5a6b\",\"feed\":{\"kind\":\"live\"},\"limits\":{\"maxOrderNotional\":\"100\",\"maxDailyLoss\":\"50\"},\"budget\":\"500.00\",\"confirmLive\":true}")})) CreateRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(BotErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        FeedRequest feed = request.feed() == null ? new FeedRequest(null, null, null, null) : request.feed();
        Either<DomainError, Bot> created = creating.create(caller(security), new CreateBotCommand(request.name(),
                request.strategy(), request.parameters(), request.instrument(), request.timeframe(),
                request.accountId(), feed.kind(), feed.from(), feed.to(), feed.speed(), request.makerFee(),
                request.takerFee(),
                request.slippageBps(), request.maxVolumeShare(),
                request.limits() == null ? null : request.limits().input(),
                request.sizing() == null ? null : request.sizing().raw(), request.budget(), request.confirmLive(),
                request.allowWithdrawalKey()));
        return created.fold(Problems::response, bot -> Response.created(URI.create("/api/bots/" + bot.id()))
                .entity(BotResponse.of(bot, null)).build());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List the caller's bots",
            description = "The caller's bots with status, progress and P&L, paged by offset and "
                    + "limit.")
    @APIResponse(responseCode = "200", description = "One page of bots",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = BotResponse.class))))
    @APIResponse(responseCode = "400", description = "bot.invalid_input: offset or limit is not a whole number in range")
    public Uni<Response> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                              @Context SecurityContext security) {
        UserId caller = caller(security);
        var page = RestInputs.page(offset, limit == null ? "50" : limit)
                .flatMap(p -> p.limit() <= MAX_PAGE ? io.vavr.control.Validation.valid(p)
                        : io.vavr.control.Validation.invalid(new Violation("limit", "must be at most " + MAX_PAGE)));
        if (page.isInvalid()) {
            return Uni.createFrom().item(Problems.response(BotErrors.invalid(List.of(page.getError()))));
        }
        PageRequest request = page.get();
        return pages.answer(new PageKey(caller, request), listing.version(caller),
                () -> PageResponse.of(listing.list(caller, request), p -> BotResponse.of(p.bot(), p)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Get a bot",
            description = "One of the caller's bots: definition, status, progress and P&L.")
    @APIResponse(responseCode = "200", description = "The bot",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BotResponse.class)))
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller (also a malformed id)")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(botId -> portfolios.portfolio(caller, botId))
                .fold(Problems::response, p -> Response.ok(BotResponse.of(p.bot(), p)).build());
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Start a bot",
            description = "Starts a created bot: its session plays the feed and trades the paper "
                    + "account (a live feed: warmed up on the last stored candles, it trades from the "
                    + "next candle to close; feed.from is set then). Refused while the kill switch is "
                    + "on and while another running bot uses the account.")
    @APIResponse(responseCode = "200", description = "The bot, now running",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BotResponse.class)))
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    @APIResponse(responseCode = "409", description = "bot.illegal_transition: the bot's status does not allow this; "
            + "bot.changed: the bot changed meanwhile, read it again; bot.account_busy: "
            + "another bot trades this account; bot.trading_halted: trading is halted "
            + "(kill switch), resume it first")
    @APIResponse(responseCode = "422", description = "marketdata.live.venue_unavailable: a live bot's venue has no live "
            + "market data on this instance now (disabled since the bot was created); bot.feed_refused: its live "
            + "feed refused it (the venue no longer streams its timeframe); bot.feed_history_unavailable: candles its "
            + "journal stepped on are neither stored nor served by the venue (it refused them)")
    @APIResponse(responseCode = "503", description = "bot.recovering: the bot's session is being rebuilt from its journal; "
            + "retry after Retry-After seconds")
    public Response start(@PathParam("id") String id, @Context SecurityContext security) {
        return control(id, security, (caller, botId) -> starting.start(caller, botId));
    }

    @POST
    @Path("{id}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Pause a bot",
            description = "Pauses a running bot after the step in progress; the reason is recorded "
                    + "in its control history. The body is optional (reason defaults to "
                    + "\"paused\").")
    @APIResponse(responseCode = "200", description = "The bot, now paused",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BotResponse.class)))
    @APIResponse(responseCode = "400", description = "bot.invalid_input: reason refused (too long or unsafe text)")
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    @APIResponse(responseCode = "409", description = "bot.illegal_transition: the bot's status does not allow this; "
            + "bot.changed: the bot changed meanwhile, read it again")
    @APIResponse(responseCode = "503", description = "bot.recovering: the bot's session is being rebuilt from its journal; "
            + "retry after Retry-After seconds")
    public Response pause(@PathParam("id") String id, @RequestBody(required = false, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ControlRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"reason\":\"checking the fills\"}"))) ControlRequest request, @Context SecurityContext security) {
        return control(id, security, (caller, botId) -> pausing.pause(caller, botId, reason(request)));
    }

    /** The same without a body: the reason defaults to "paused". */
    @POST
    @Path("{id}/pause")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Pause a bot",
            description = "Pauses a running bot after the step in progress; the reason is recorded "
                    + "in its control history. The body is optional (reason defaults to "
                    + "\"paused\").")
    @APIResponse(responseCode = "200", description = "The bot, now paused",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BotResponse.class)))
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    @APIResponse(responseCode = "409", description = "bot.illegal_transition: the bot's status does not allow this; "
            + "bot.changed: the bot changed meanwhile, read it again")
    public Response pauseWithoutReason(@PathParam("id") String id, @Context SecurityContext security) {
        return pause(id, null, security);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Resume a bot",
            description = "Resumes a paused bot where it stopped.")
    @APIResponse(responseCode = "200", description = "The bot, running again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BotResponse.class)))
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    @APIResponse(responseCode = "409", description = "bot.illegal_transition: the bot's status does not allow this; "
            + "bot.changed: the bot changed meanwhile, read it again; bot.account_busy: "
            + "another bot trades this account")
    @APIResponse(responseCode = "503", description = "bot.recovering: the bot's session is being rebuilt from its journal; "
            + "retry after Retry-After seconds")
    public Response resume(@PathParam("id") String id, @Context SecurityContext security) {
        return control(id, security, (caller, botId) -> resuming.resume(caller, botId));
    }

    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Stop a bot",
            description = "Stops a bot for good: open orders are canceled, the session ends; the "
                    + "reason is recorded. The body is optional (reason defaults to \"stopped\").")
    @APIResponse(responseCode = "200", description = "The bot, now stopped",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BotResponse.class)))
    @APIResponse(responseCode = "400", description = "bot.invalid_input: reason refused (too long or unsafe text)")
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    @APIResponse(responseCode = "409", description = "bot.illegal_transition: the bot's status does not allow this; "
            + "bot.changed: the bot changed meanwhile, read it again")
    @APIResponse(responseCode = "503", description = "bot.recovering: the bot's session is being rebuilt from its journal; "
            + "retry after Retry-After seconds")
    public Response stop(@PathParam("id") String id, @RequestBody(required = false, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ControlRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"reason\":\"strategy retired\"}"))) ControlRequest request, @Context SecurityContext security) {
        return control(id, security, (caller, botId) -> stopping.stop(caller, botId, reason(request)));
    }

    /** The same without a body: the reason defaults to "stopped". */
    @POST
    @Path("{id}/stop")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Stop a bot",
            description = "Stops a bot for good: open orders are canceled, the session ends; the "
                    + "reason is recorded. The body is optional (reason defaults to \"stopped\").")
    @APIResponse(responseCode = "200", description = "The bot, now stopped",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BotResponse.class)))
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    @APIResponse(responseCode = "409", description = "bot.illegal_transition: the bot's status does not allow this; "
            + "bot.changed: the bot changed meanwhile, read it again")
    public Response stopWithoutReason(@PathParam("id") String id, @Context SecurityContext security) {
        return stop(id, null, security);
    }

    @GET
    @Path("{id}/events")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A bot's control history",
            description = "Every start, pause, resume and stop of the bot, with the step after "
                    + "which it took effect and the reason, oldest first, paged; also the kill switch "
                    + "(trading_halted, trading_reduced, trading_resumed), orders placed and canceled by "
                    + "hand, recovery (suspended, recovered, incident) and, for a live feed, its warm-up "
                    + "(warmed_up, warm_up_short), decisions on late candles (late_candles, then "
                    + "caught_up with counts), candles the feed never had (candles_missed), a candle that came after the feed had passed "
                    + "over its place (candle_out_of_order) and openings "
                    + "blocked while the feed is stale or the venue halted the instrument "
                    + "(opening_blocked, opening_allowed); on a live account, the venue's minimum order notional "
                    + "its strategy is sized against (venue_min_notional), its venue's reports, reconciliations and "
                    + "notes (venue_report, venue_reconciled, venue_note).")
    @APIResponse(responseCode = "200", description = "One page of controls",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = ControlResponse.class))))
    @APIResponse(responseCode = "400", description = "bot.invalid_input: offset or limit is not a whole number in range")
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    public Response events(@PathParam("id") String id, @QueryParam("offset") String offset,
                           @QueryParam("limit") String limit, @Context SecurityContext security) {
        UserId caller = caller(security);
        return page(offset, limit).flatMap(page -> id(id).flatMap(botId -> history.events(caller, botId))
                        .map(controls -> Page.slice(controls, page)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(page, ControlResponse::of)).build());
    }

    @GET
    @Path("{id}/portfolio")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A bot's portfolio",
            description = "The bot's balances, open positions (quantity, cost, average price, "
                    + "unrealized P&L at the last close; dust marked, never hidden) and P&L.")
    @APIResponse(responseCode = "200", description = "The portfolio",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PortfolioResponse.class)))
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    public Response portfolio(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(botId -> portfolios.portfolio(caller, botId)).fold(Problems::response, p -> {
            Map<String, String> balances = new TreeMap<>();
            p.balances().forEach((asset, amount) -> balances.put(asset.code(), money(amount)));
            Map<String, String> fees = new TreeMap<>();
            p.fees().forEach((asset, amount) -> fees.put(asset.code(), money(amount)));
            return Response.ok(new PortfolioResponse(p.bot().id().toString(), p.bot().status().code(), balances,
                    p.positions().stream().filter(pos -> !pos.isFlat())
                            .map(pos -> PositionResponse.of(pos, p.isDust(pos.instrument()))).toList(), fees,
                    Pnl.of(p), close(p.bot()),
                    p.bot().lastStep().map(Instant::ofEpochMilli).getOrNull())).build();
        });
    }

    /** Metrics (the backtest definitions), equity and drawdown curve, P&L by day/week/month/instrument, spread, exposure. */
    @GET
    @Path("{id}/performance")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A bot's performance",
            description = "The backtest metrics (Sharpe, Sortino, Calmar, drawdown, ...), the "
                    + "equity and drawdown curve thinned to at most \"points\" samples, and P&L "
                    + "by day, week, month and instrument.")
    @APIResponse(responseCode = "200", description = "The performance",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PerformanceResponse.class)))
    @APIResponse(responseCode = "400", description = "bot.invalid_input: points is not a whole number in range")
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
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
    @Operation(summary = "A bot's closed trades",
            description = "Every round trip the bot closed (entry and exit time and price, "
                    + "quantity, P&L, fees), numbered from 1, oldest first, paged like a backtest's "
                    + "trades.")
    @APIResponse(responseCode = "200", description = "One page of trades",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = TradeResponse.class))))
    @APIResponse(responseCode = "400", description = "bot.invalid_input: offset or limit is not a whole number in range")
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    public Response trades(@PathParam("id") String id, @QueryParam("offset") String offset,
                           @QueryParam("limit") String limit, @Context SecurityContext security) {
        UserId caller = caller(security);
        return page(offset, limit).flatMap(page -> id(id).flatMap(botId -> portfolios.portfolio(caller, botId))
                        .map(p -> {
                            java.util.List<TradeResponse> trades = new java.util.ArrayList<>();
                            for (int i = 0; i < p.trades().size(); i++) {
                                trades.add(TradeResponse.of(i + 1, p.trades().get(i)));
                            }
                            return Page.slice(trades, page);
                        }))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(page, t -> t)).build());
    }

    /** {@code offset} (default 0) and {@code limit} (default 50, at most 10,000), as every paged list. */
    private static Either<DomainError, PageRequest> page(String offset, String limit) {
        return RestInputs.page(offset, limit).toEither().mapLeft(v -> BotErrors.invalid(List.of(v)));
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
