package io.cryptobot.app.marketdata;

import static io.cryptobot.app.marketdata.VenueFixtures.assertSameCandles;
import static io.cryptobot.app.marketdata.VenueFixtures.awaitDownload;
import static io.cryptobot.app.marketdata.VenueFixtures.awaitNote;
import static io.cryptobot.app.marketdata.VenueFixtures.download;
import static io.cryptobot.app.marketdata.VenueFixtures.requests;
import static io.cryptobot.app.marketdata.VenueFixtures.startDownload;
import static io.cryptobot.app.marketdata.VenueFixtures.stopDownloadWorker;
import static io.cryptobot.app.marketdata.VenueFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.exchange.fakevenue.FakeOkx;
import io.cryptobot.exchange.fakevenue.FakeVenueServer;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.marketdata.application.port.in.ResumeDownloadsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Downloads through the real Binance and OKX adapters from the fake venues on loopback: paged over each venue's page
 * limit, stopped in the middle and resumed, and through the venues' rate-limit refusals; what is stored is compared
 * with the fake's own series.
 */
@QuarkusTest
class VenueDownloadTest {
    static final long START = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;
    static final long DAY = 1440 * MINUTE;
    static final String KLINES = "/api/v3/klines";
    static final String HISTORY_CANDLES = "/api/v5/market/history-candles";
    private final TestUser trader = TestUsers.create("trader");
    private final FakeBinance binance = FakeVenuesTestResource.binance();
    private final FakeOkx okx = FakeVenuesTestResource.okx();

    @Inject
    ResumeDownloadsUseCase resume;

    @AfterEach
    void endHolds() {
        binance.release();
        okx.release();
    }

    @Test
    void a_binance_download_stopped_in_its_third_page_goes_on_from_its_cursor_after_a_restart_without_gap_or_repeat() {
        String base = DownloadApiTest.newBase();
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
        List<VenueCandle> venue = binance.klines(base + "USDT", Timeframe.M1).randomWalk(START, 3 * 1440, 31)
                .closedCandles();
        binance.holdAfter(KLINES, 2);

        String id = startDownload(trader, "BINANCE:" + base + "/USDT", "1m", START, START + 3 * DAY);
        Eventually.until(Duration.ofSeconds(10), "the third page asked", () -> binance.held() == 1);
        stopDownloadWorker();

        JsonPath left = download(trader, id);
        assertThat(left.getString("status")).as("what a stopped process leaves").isEqualTo("running");
        assertThat(left.getString("cursor")).isEqualTo(VenueFixtures.at(START + 2000 * MINUTE));
        assertThat(left.getLong("rowsDone")).isEqualTo(2000);
        assertThat(stored(trader, "BINANCE", base, "1m", START, START + 3 * DAY)).hasSize(2000);
        binance.release();

        assertThat(resume.resumeUnfinished()).isGreaterThanOrEqualTo(1);

        JsonPath done = awaitDownload(trader, id);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getLong("rowsTotal")).isEqualTo(4320);
        assertThat(done.getLong("rowsDone")).isEqualTo(4320);
        assertThat(done.getLong("inserted")).isEqualTo(4320);
        assertThat(done.getLong("duplicates")).isZero();
        assertSameCandles(stored(trader, "BINANCE", base, "1m", START, START + 3 * DAY), venue);
        assertThat(requests(binance, KLINES, "symbol", base + "USDT").stream()
                .map(r -> Long.parseLong(r.param("startTime"))).toList())
                .as("pages asked: the one cut short again, none before it")
                .containsExactly(START, START + 1000 * MINUTE, START + 2000 * MINUTE, START + 2000 * MINUTE,
                        START + 3000 * MINUTE, START + 4000 * MINUTE);
    }

    @Test
    void an_okx_download_stopped_in_its_fifth_page_goes_on_from_its_cursor_after_a_restart_without_gap_or_repeat() {
        String base = DownloadApiTest.newBase();
        okx.instrument(base, "USDT", "live", "0.01", "0.001");
        List<VenueCandle> venue = okx.candles(base + "-USDT", Timeframe.M1).randomWalk(START, 2 * 1440, 37)
                .closedCandles();
        okx.holdAfter(HISTORY_CANDLES, 4);

        String id = startDownload(trader, "OKX:" + base + "/USDT", "1m", START, START + 2 * DAY);
        Eventually.until(Duration.ofSeconds(10), "the fifth page asked", () -> okx.held() == 1);
        stopDownloadWorker();

        JsonPath left = download(trader, id);
        assertThat(left.getString("status")).isEqualTo("running");
        assertThat(left.getString("cursor")).isEqualTo(VenueFixtures.at(START + 1200 * MINUTE));
        assertThat(stored(trader, "OKX", base, "1m", START, START + 2 * DAY)).hasSize(1200);
        okx.release();

        assertThat(resume.resumeUnfinished()).isGreaterThanOrEqualTo(1);

        JsonPath done = awaitDownload(trader, id);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getLong("rowsDone")).isEqualTo(2880);
        assertThat(done.getLong("inserted")).isEqualTo(2880);
        assertThat(done.getLong("duplicates")).isZero();
        assertSameCandles(stored(trader, "OKX", base, "1m", START, START + 2 * DAY), venue);
        // history-candles pages are asked newest first: "before" is the open time just ahead of a page's first candle
        List<Long> asked = LongStream.range(0, 10).map(page -> START + page * 300 * MINUTE - 1).boxed()
                .collect(Collectors.toCollection(ArrayList::new));
        asked.add(5, START + 1200 * MINUTE - 1);
        assertThat(requests(okx, HISTORY_CANDLES, "instId", base + "-USDT").stream()
                .map(r -> Long.parseLong(r.param("before"))).toList())
                .as("pages asked: the one cut short again, none before it").containsExactlyElementsOf(asked);
    }

    @Test
    void binance_answering_429_with_retry_after_mid_download_is_waited_out_visibly_and_nothing_is_sent_meanwhile() {
        String base = DownloadApiTest.newBase();
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
        List<VenueCandle> venue = binance.klines(base + "USDT", Timeframe.M1).randomWalk(START, 3 * 1440, 41)
                .closedCandles();
        binance.holdAfter(KLINES, 1);
        String id = startDownload(trader, "BINANCE:" + base + "/USDT", "1m", START, START + 3 * DAY);
        Eventually.until(Duration.ofSeconds(10), "the second page asked", () -> binance.held() == 1);

        binance.refuseNext(1, 429, 2);
        Instant refused = Instant.now();
        binance.release();

        assertThat(awaitNote(trader, id)).isEqualTo("rate limited, retry after 2 s; waiting 2 s");
        JsonPath done = awaitDownload(trader, id);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getLong("inserted")).isEqualTo(4320);
        assertThat(done.getLong("duplicates")).isZero();
        assertSameCandles(stored(trader, "BINANCE", base, "1m", START, START + 3 * DAY), venue);
        assertNothingSentDuringTheGate(requests(binance, KLINES, "symbol", base + "USDT"), refused,
                Duration.ofSeconds(2), 4);
    }

    @Test
    void okx_answering_429_mid_download_closes_the_gate_for_the_backoff_and_the_download_goes_on_after_it() {
        String base = DownloadApiTest.newBase();
        okx.instrument(base, "USDT", "live", "0.01", "0.001");
        List<VenueCandle> venue = okx.candles(base + "-USDT", Timeframe.M1).randomWalk(START, 1440, 43)
                .closedCandles();
        okx.holdAfter(HISTORY_CANDLES, 2);
        String id = startDownload(trader, "OKX:" + base + "/USDT", "1m", START, START + DAY);
        Eventually.until(Duration.ofSeconds(10), "the third page asked", () -> okx.held() == 1);

        okx.refuseNext(1, 429, null);
        Instant refused = Instant.now();
        okx.release();

        // OKX sends no Retry-After with its 50011: the adapter's first backoff step, 1 s, closes the gate
        assertThat(awaitNote(trader, id)).isEqualTo("rate limited, retry after 1 s; waiting 1 s");
        JsonPath done = awaitDownload(trader, id);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getLong("inserted")).isEqualTo(1440);
        assertSameCandles(stored(trader, "OKX", base, "1m", START, START + DAY), venue);
        assertNothingSentDuringTheGate(requests(okx, HISTORY_CANDLES, "instId", base + "-USDT"), refused,
                Duration.ofSeconds(1), 3);
    }

    /**
     * The requests before the refusal are the pages answered and the one refused; every later one came after the gate
     * opened, and there are just enough of them for the rest of the pages (no polling while the gate was shut).
     */
    private static void assertNothingSentDuringTheGate(List<FakeVenueServer.Request> asked, Instant refused,
                                                       Duration gate, int afterTheRefusal) {
        List<FakeVenueServer.Request> after = asked.stream().filter(r -> r.at().isAfter(refused)).toList();
        assertThat(after).as("requests after the refusal").hasSize(afterTheRefusal);
        assertThat(after.getFirst().at()).as("the first request after the refusal")
                .isAfterOrEqualTo(refused.plus(gate));
    }
}
