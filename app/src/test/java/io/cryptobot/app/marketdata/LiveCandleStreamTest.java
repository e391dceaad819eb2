package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase.SeedResult;
import io.cryptobot.marketdata.domain.TimeRange;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Live candles from the simulated venue SIM, which runs 600 times faster in tests (a 1m candle every 100 ms):
 * streamed to clients as server-sent events from one shared feed, visible on the instrument, and stored.
 */
@QuarkusTest
class LiveCandleStreamTest {
    private static final String ETH = "SIM:ETH/USDT";
    private final TestUser trader = TestUsers.create("trader");
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    SeedSyntheticDataUseCase seed;

    @Inject
    LoadCandlesQuery candles;

    @Inject
    @Any
    Instance<VenueMarketData> venues;

    @Test
    void clients_share_one_feed_get_the_last_price_then_closed_candles_in_order_and_leave_it_on_disconnect()
            throws Exception {
        defineEth();
        List<String> mine = Collections.synchronizedList(new ArrayList<>());
        List<String> theirs = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<HttpResponse<Stream<String>>> first = listen(trader, mine);
        CompletableFuture<HttpResponse<Stream<String>>> second = listen(TestUsers.create("viewer"), theirs);
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(first.get().headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        await(() -> candleEvents(mine).size() >= 8 && candleEvents(theirs).size() >= 8, "8 candles for each client");

        JsonPath instrument = given().header("Authorization", trader.bearer())
                .get("/api/marketdata/instruments/SIM/ETH/USDT").then().statusCode(200).extract().jsonPath();
        assertThat(instrument.getString("liveFeeds[0].timeframe")).isEqualTo("1m");
        assertThat(instrument.getInt("liveFeeds[0].subscribers")).isEqualTo(2);
        assertThat(instrument.getBoolean("liveFeeds[0].connected")).isTrue();
        assertThat(instrument.getBoolean("liveFeeds[0].fresh")).isTrue();

        List<JsonPath> events = candleEvents(mine);
        for (int i = 1; i < events.size(); i++) {
            assertThat(openTime(events.get(i))).isEqualTo(openTime(events.get(i - 1)) + 60_000);
        }
        assertThat(events).allMatch(e -> e.getString("price").equals(e.getString("candle.close"))
                && e.getString("instrument").equals(ETH) && e.getString("timeframe").equals("1m"));
        assertThat(events).extracting(e -> e.getString("delaySeconds"))
                .as("a duration in seconds, to the millisecond").allMatch(delay -> delay.matches("\\d+(\\.\\d{1,3})?"));
        List<String> theirTimes = candleEvents(theirs).stream().map(e -> e.getString("candle.openTime")).toList();
        assertThat(theirTimes).containsSubsequence(events.stream().map(e -> e.getString("candle.openTime"))
                .filter(theirTimes::contains).toList());
        List<String> kinds;
        synchronized (mine) {
            kinds = mine.stream().map(line -> JsonPath.from(line.substring(5)).getString("kind")).toList();
        }
        assertThat(kinds.getFirst()).as("the last price first (the ETH series may have none stored yet)")
                .isIn("price", "status");
        assertThat(kinds).contains("status", "candle");

        // what was streamed is the venue's own series, and was stored as shared reference data
        VenueMarketData sim = venues.stream().filter(v -> v.venue().code().equals("SIM")).findFirst().orElseThrow();
        JsonPath last = events.getLast();
        long from = openTime(events.getFirst());
        long to = openTime(last) + 60_000;
        List<VenueCandle> venue = sim.candles(InstrumentId.parse(ETH).get(), Timeframe.M1, from, to, 1000).get()
                .toJavaList();
        assertThat(events.stream().map(e -> new BigDecimal(e.getString("candle.close"))).toList())
                .usingElementComparator(BigDecimal::compareTo)
                .isEqualTo(venue.stream().map(VenueCandle::close).toList());
        await(() -> stored(from, to) == events.size(), "the streamed candles stored");

        first.get().body().close();
        second.get().body().close();
        await(() -> given().header("Authorization", trader.bearer()).get("/api/marketdata/instruments/SIM/ETH/USDT")
                .then().extract().jsonPath().getList("liveFeeds").isEmpty(), "the feed stopped with its last client");
    }

    @Test
    void a_stream_needs_a_known_instrument_on_a_venue_with_live_data_and_a_timeframe_it_streams() {
        defineEth();
        String stream = "/api/marketdata/candles/stream";
        given().header("Authorization", trader.bearer()).accept("text/event-stream")
                .queryParam("instrument", ETH).queryParam("timeframe", "1w").get(stream).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("timeframe"));
        given().header("Authorization", trader.bearer()).accept("text/event-stream")
                .queryParam("instrument", "ETH/USDT").queryParam("timeframe", "2m").get(stream).then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("instrument",
                        "timeframe"));
        given().header("Authorization", trader.bearer()).accept("text/event-stream")
                .queryParam("instrument", "SIM:NOPE/USDT").queryParam("timeframe", "1m").get(stream).then()
                .statusCode(404).body("code", equalTo("marketdata.instrument.not_found"));
        String base = MarketData.newInstrument(trader);
        given().header("Authorization", trader.bearer()).accept("text/event-stream")
                .queryParam("instrument", MarketData.instrument(base)).queryParam("timeframe", "1m").get(stream)
                .then().statusCode(422).body("code", equalTo("marketdata.live.venue_unavailable"));
        given().accept("text/event-stream").queryParam("instrument", ETH).queryParam("timeframe", "1m").get(stream)
                .then().statusCode(401);
    }

    @Test
    void the_demo_dataset_is_the_sim_venues_own_series_and_a_second_seed_only_adds_what_closed_since() {
        VenueMarketData sim = venues.stream().filter(v -> v.venue().code().equals("SIM")).findFirst().orElseThrow();
        List<SeedResult> first = seed.seed().toJavaList();
        long to = Timeframe.M1.floor(sim.serverTime().get().toEpochMilli());
        List<SeedResult> second = seed.seed().toJavaList();
        assertThat(first).extracting(r -> r.instrument().toString()).containsExactly("SIM:BTC/USDT", ETH);
        assertThat(second).allMatch(r -> !r.instrumentCreated() && !r.earlierSeries()
                && r.candlesAlreadyPresent() == 0);
        InstrumentId btc = InstrumentId.parse("SIM:BTC/USDT").get();
        // the first seed began 30 days before its own now; the second reached at least `to`
        long from = to - Duration.ofDays(30).toMillis() + 60_000;
        io.cryptobot.marketdata.domain.CandleBatch stored = candles.load(new io.cryptobot.kernel.domain.UserId(java.util.UUID.randomUUID()), btc, Timeframe.M1, new TimeRange(from, to),
                100_000).get().candles();
        assertThat(stored.size()).as("30 days of minutes, no gap").isEqualTo((int) ((to - from) / 60_000));
        List<VenueCandle> venue = sim.candles(btc, Timeframe.M1, from, from + 1000 * 60_000L, 1000).get()
                .toJavaList();
        for (int i = 0; i < venue.size(); i += 111) {
            assertThat(stored.close(i)).isEqualTo(venue.get(i).close().movePointRight(2).longValueExact());
            assertThat(stored.high(i)).isEqualTo(venue.get(i).high().movePointRight(2).longValueExact());
        }
        given().header("Authorization", trader.bearer()).get("/api/marketdata/instruments/SIM/BTC/USDT").then()
                .statusCode(200).body("tickSize", equalTo("0.01")).body("stepSize", equalTo("0.00001"));
    }

    private void defineEth() {
        int status = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "SIM", "base", "ETH", "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.0001"))
                .post("/api/marketdata/instruments").then().extract().statusCode();
        assertThat(status).isIn(201, 409);
    }

    private static long openTime(JsonPath event) {
        return Instant.parse(event.getString("candle.openTime")).toEpochMilli();
    }

    private long stored(long from, long to) {
        return candles.load(new io.cryptobot.kernel.domain.UserId(java.util.UUID.randomUUID()), InstrumentId.parse(ETH).get(), Timeframe.M1, new TimeRange(from, to), 10_000).get()
                .candles().size();
    }

    private CompletableFuture<HttpResponse<Stream<String>>> listen(TestUser user, List<String> lines) {
        URI uri = URI.create("http://localhost:" + io.restassured.RestAssured.port
                + "/api/marketdata/candles/stream?instrument=SIM:ETH/USDT&timeframe=1m");
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(HttpRequest.newBuilder(uri)
                .header("Authorization", user.bearer()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread.ofVirtual().start(() -> {
            try {
                response.get().body().filter(line -> line.startsWith("data:")).forEach(lines::add);
            } catch (Exception ignored) {
                // the stream is closed when the test ends
            }
        });
        return response;
    }

    private static List<JsonPath> candleEvents(List<String> lines) {
        synchronized (lines) {
            return lines.stream().map(line -> JsonPath.from(line.substring(5)))
                    .filter(event -> "candle".equals(event.getString("kind"))).toList();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + " at " + Instant.now());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
