package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The portfolio summary and the bot list are kept between calls (under the owner's journal and bot-store
 * versions) and their ledgers caught up incrementally: each call after a fill, a stop or another user's trading
 * must answer exactly what the journal says, never a kept answer from before.
 */
@QuarkusTest
class PortfolioSummaryApiTest {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-02T00:00:00Z";

    @Test
    void the_summary_and_bot_list_follow_every_fill_and_stop_of_their_owner_and_nothing_of_another() {
        Trader a = new Trader(TestUsers.create("trader"));
        Trader b = new Trader(TestUsers.create("trader"));
        JsonPath before = a.summary();
        assertThat(new BigDecimal(before.getString("currencies[0].exposure.USDT"))).isEqualByComparingTo("10000");
        assertThat(before.getInt("currencies[0].trades")).isZero();
        assertThat(a.listed().getInt("pnl.trades")).isZero();

        String buy = a.filled("s-1", "buy");
        // cash 10,000 - quantity x price - fee, from the journal's own fill
        BigDecimal afterBuy = new BigDecimal("10000").subtract(a.cost(buy));
        JsonPath bought = a.summary();
        assertThat(new BigDecimal(bought.getString("currencies[0].exposure.USDT"))).isEqualByComparingTo(afterBuy);
        assertThat(bought.getMap("currencies[0].exposure")).containsKey(a.base());
        // the running session judges the position (0.01, on the step): not dust, as the bot's portfolio says
        assertThat(bought.getBoolean("currencies[0].bots[0].dust")).isFalse();
        assertThat(bought.getMap("currencies[0].dustExposure")).isEmpty();
        assertThat(get(a.user, "/api/bots/" + a.bot + "/portfolio").then().statusCode(200).extract().jsonPath()
                .getBoolean("positions[0].dust")).isFalse();

        String sell = a.filled("s-2", "sell");
        BigDecimal afterSell = afterBuy.add(a.proceeds(sell));
        JsonPath sold = a.summary();
        assertThat(new BigDecimal(sold.getString("currencies[0].exposure.USDT"))).isEqualByComparingTo(afterSell);
        assertThat(sold.getInt("currencies[0].trades")).isEqualTo(1);
        assertThat(sold.getInt("currencies[0].bots[0].trades")).isEqualTo(1);
        BigDecimal tradeNet = new BigDecimal(get(a.user, "/api/bots/" + a.bot + "/trades").then().statusCode(200)
                .extract().jsonPath().getString("items[0].netPnl"));
        assertThat(new BigDecimal(sold.getString("currencies[0].pnlByInstrument['" + a.instrument + "']")))
                .isEqualByComparingTo(tradeNet);
        // flat again: equity is the cash
        assertThat(new BigDecimal(sold.getString("currencies[0].equity"))).isEqualByComparingTo(afterSell);
        assertThat(a.listed().getInt("pnl.trades")).isEqualTo(1);
        assertThat(new BigDecimal(a.listed().getString("pnl.equity"))).isEqualByComparingTo(afterSell);

        post(a.user, "/api/bots/" + a.bot + "/stop", Map.of("reason", "enough")).then().statusCode(200);
        JsonPath stopped = a.summary();
        assertThat(stopped.getString("currencies[0].bots[0].status")).isEqualTo("stopped");
        assertThat(stopped.getMap("currencies[0].bots[0]")).as("no session judges a stopped bot's dust")
                .containsEntry("dust", null);
        assertThat(a.listed().getString("status")).isEqualTo("stopped");
        assertThat(new BigDecimal(stopped.getString("currencies[0].equity"))).isEqualByComparingTo(afterSell);

        // the other user's trading: their summary has their bot alone, and A's stopped summary does not move
        String theirs = b.filled("t-1", "buy");
        JsonPath other = b.summary();
        assertThat(other.getList("currencies[0].bots.botId", String.class)).containsExactly(b.bot);
        assertThat(new BigDecimal(other.getString("currencies[0].exposure.USDT")))
                .isEqualByComparingTo(new BigDecimal("10000").subtract(b.cost(theirs)));
        assertThat(a.summary().getList("currencies[0].bots.botId", String.class)).containsExactly(a.bot);
        assertThat(a.summary().prettify()).isEqualTo(stopped.prettify());
        assertThat(get(b.user, "/api/bots").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).containsExactly(b.bot);
    }

    /** A user with a paper account whose market is a live session: a {@code manual} bot on a replay. */
    private static final class Trader {
        final TestUser user;
        final String instrument;
        final String account;
        final String bot;

        Trader(TestUser user) {
            this.user = user;
            instrument = TradingFixtures.newInstrumentWithCandles(user, FROM, 1_440);
            account = TradingFixtures.paperAccount(user, "10000");
            Map<String, Object> request = new HashMap<>();
            request.put("name", "hand " + UUID.randomUUID());
            request.put("strategy", "manual");
            request.put("instrument", instrument);
            request.put("timeframe", "1m");
            request.put("accountId", account);
            request.put("feed", Map.of("from", FROM, "to", TO, "speed", "120"));   // a candle every 0.5 s
            bot = given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(request)
                    .post("/api/bots").then().statusCode(201).extract().path("id");
            post(user, "/api/bots/" + bot + "/start", null).then().statusCode(200);
            await(() -> get(user, "/api/bots/" + bot).then().extract().jsonPath().getLong("steps") >= 1,
                    "a first candle");
        }

        String base() {
            return instrument.substring(instrument.indexOf(':') + 1, instrument.indexOf('/'));
        }

        JsonPath summary() {
            return get(user, "/api/portfolio/summary").then().statusCode(200).extract().jsonPath();
        }

        /** This trader's bot as the bot list shows it. */
        JsonPath listed() {
            JsonPath page = get(user, "/api/bots").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items.id", String.class)).containsExactly(bot);
            page.setRootPath("items[0]");
            return page;
        }

        /** Places a market order of 0.01 and waits for its fill: the summary is read right after. */
        String filled(String clientOrderId, String side) {
            Map<String, Object> order = Map.of("accountId", account, "clientOrderId", clientOrderId,
                    "instrument", instrument, "side", side, "type", "market", "quantity", "0.01");
            // the summary kept from before the order must not hide it afterwards
            summary();
            String id = given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(order)
                    .post("/api/orders").then().statusCode(201).extract().path("id");
            summary();
            await(() -> "filled".equals(get(user, "/api/orders/" + id).then().extract().path("order.status")),
                    "the fill of " + clientOrderId);
            return id;
        }

        /** What a buy took from the cash: quantity x price + fee over its fills. */
        BigDecimal cost(String order) {
            return fills(order).stream().map(f -> notional(f).add(new BigDecimal((String) f.get("fee"))))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** What a sell brought to the cash: quantity x price - fee over its fills. */
        BigDecimal proceeds(String order) {
            return fills(order).stream().map(f -> notional(f).subtract(new BigDecimal((String) f.get("fee"))))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        private List<Map<String, Object>> fills(String order) {
            List<Map<String, Object>> fills = get(user, "/api/orders/" + order).then().statusCode(200).extract()
                    .jsonPath().getList("fills");
            assertThat(fills).isNotEmpty().allMatch(f -> "USDT".equals(f.get("feeAsset")));
            return fills;
        }

        private static BigDecimal notional(Map<String, Object> fill) {
            return new BigDecimal((String) fill.get("quantity")).multiply(new BigDecimal((String) fill.get("price")));
        }
    }

    private static Response get(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).get(path);
    }

    private static Response post(TestUser user, String path, Object body) {
        var request = given().header("Authorization", user.bearer());
        return body == null ? request.post(path) : request.contentType(ContentType.JSON).body(body).post(path);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
