package io.cryptobot.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A packaged-app scenario for fault tests: an instrument with synthetic candles, paper accounts each traded by a
 * running manual bot, and a record of every order and cancel the API acknowledged. {@link #check} reads
 * everything back and asserts the journal's invariants: every acknowledged order exists with its body and keeps
 * its id, acknowledged market orders executed exactly once, acknowledged cancels hold, every fill is on an
 * acknowledged order with a trade id of its own, and each bot's balances equal its fills.
 */
public final class TradingScenario {
    public final String instrument;
    public final BigDecimal start = new BigDecimal("100000");
    public final List<String> accounts = new ArrayList<>();
    public final List<String> bots = new ArrayList<>();
    /** Every order acknowledged (201 or 200), by id: its client order id and body. */
    private final Map<String, Acked> acked = new HashMap<>();
    private final Set<String> ackedCancels = new HashSet<>();
    private boolean halted;

    private record Acked(String clientOrderId, Map<String, Object> body) {
    }

    /** One authenticated call that must answer {@code expected}; its JSON body. */
    @FunctionalInterface
    public interface Api {
        JsonNode call(String method, String path, Object body, int expected) throws Exception;
    }

    @FunctionalInterface
    public interface Poll {
        JsonNode get() throws Exception;
    }

    public TradingScenario(String venue) {
        this.instrument = venue + ":BTC/USDT";
    }

    /** The instrument, its candles, and one paper account with a running manual bot per name. */
    public TradingScenario setUp(Api api, List<String> names, String speed) throws Exception {
        String venue = instrument.substring(0, instrument.indexOf(':'));
        api.call("POST", "/api/marketdata/instruments", Map.of("venue", venue, "base", "BTC", "quote",
                "USDT", "tickSize", "0.01", "stepSize", "0.00001"), 201);
        JsonNode job = api.call("POST", "/api/marketdata/synthetic", Map.of("instrument", instrument,
                "timeframe", "1m", "from", "2020-01-01T00:00:00Z", "count", 100_000, "seed", 9,
                "startPrice", "30000.00", "volatility", 0.001), 202);
        await(() -> api.call("GET", "/api/marketdata/imports/" + job.get("id").asText(), null,
                200), j -> j.get("status").asText().equals("completed"), Duration.ofMinutes(2));
        for (String name : names) {
            String account = api.call("POST", "/api/accounts/paper", Map.of("name", name,
                    "balances", Map.of("USDT", start.toPlainString())), 201).get("id").asText();
            Map<String, Object> bot = new HashMap<>();
            bot.put("name", name);
            bot.put("strategy", "manual");
            bot.put("instrument", instrument);
            bot.put("timeframe", "1m");
            bot.put("accountId", account);
            bot.put("feed", Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-03-01T00:00:00Z", "speed", speed));
            bot.put("takerFee", "0.001");
            String id = api.call("POST", "/api/bots", bot, 201).get("id").asText();
            api.call("POST", "/api/bots/" + id + "/start", null, 200);
            accounts.add(account);
            bots.add(id);
        }
        for (String bot : bots) {
            await(() -> api.call("GET", "/api/bots/" + bot, null, 200),
                    j -> j.get("steps").asLong() > 5, Duration.ofSeconds(30));
        }
        return this;
    }

    /**
     * One paper account with a running manual bot per name, each on the live 1m feed of the instrument (a venue's,
     * {@code SIM} in the demo), whose candles the venue provides.
     */
    public TradingScenario setUpLive(Api api, List<String> names) throws Exception {
        for (String name : names) {
            String account = api.call("POST", "/api/accounts/paper", Map.of("name", name,
                    "balances", Map.of("USDT", start.toPlainString())), 201).get("id").asText();
            Map<String, Object> bot = new HashMap<>();
            bot.put("name", name);
            bot.put("strategy", "manual");
            bot.put("instrument", instrument);
            bot.put("timeframe", "1m");
            bot.put("accountId", account);
            bot.put("feed", Map.of("kind", "live"));
            bot.put("takerFee", "0.001");
            String id = api.call("POST", "/api/bots", bot, 201).get("id").asText();
            api.call("POST", "/api/bots/" + id + "/start", null, 200);
            accounts.add(account);
            bots.add(id);
        }
        for (String bot : bots) {
            await(() -> api.call("GET", "/api/bots/" + bot, null, 200),
                    j -> j.get("steps").asLong() > 5, Duration.ofSeconds(60));
        }
        return this;
    }

    /** A hand buy of 0.001 BTC. */
    public Map<String, Object> body(String account, String clientOrderId, String type, String limitPrice) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", account);
        body.put("clientOrderId", clientOrderId);
        body.put("instrument", instrument);
        body.put("side", "buy");
        body.put("type", type);
        body.put("quantity", "0.00100");
        if (limitPrice != null) {
            body.put("limitPrice", limitPrice);
        }
        return body;
    }

    /** Records an acknowledged order; an id acknowledged for two client order ids fails the test. */
    public void ack(Map<String, Object> body, String id) {
        Acked before = acked.putIfAbsent(id, new Acked((String) body.get("clientOrderId"), body));
        assertThat(before == null || before.clientOrderId().equals(body.get("clientOrderId")))
                .as("id %s acknowledged for %s and for %s", id, before, body.get("clientOrderId")).isTrue();
    }

    /**
     * The kill switch was halted: from then on a market order may also end canceled without a fill (the halt
     * canceled it before its candle came), never otherwise.
     */
    public void halted() {
        halted = true;
    }

    public void canceled(Collection<String> ids) {
        ackedCancels.addAll(ids);
    }

    /** An order the test settled itself (canceled after checking it), left out of later checks. */
    public void forget(String id) {
        acked.remove(id);
    }

    public int acknowledged() {
        return acked.size();
    }

    /** Every invariant of the journal, read back over the API once the acknowledged market orders have filled. */
    public void check(Api api) throws Exception {
        Map<String, JsonNode> orders = new HashMap<>();
        for (Map.Entry<String, Acked> entry : acked.entrySet()) {
            String id = entry.getKey();
            Acked a = entry.getValue();
            JsonNode order = await(() -> api.call("GET", "/api/orders/" + id, null, 200),
                    j -> !a.body().get("type").equals("market") || ended(j.get("order")),
                    Duration.ofSeconds(60)).get("order");
            assertThat(order.get("clientOrderId").asText()).as("order %s", id).isEqualTo(a.clientOrderId());
            assertThat(order.get("type").asText()).as("order %s", id).isEqualTo(a.body().get("type"));
            assertThat(order.get("side").asText()).as("order %s", id).isEqualTo("buy");
            assertThat(new BigDecimal(order.get("quantity").asText())).isEqualByComparingTo("0.001");
            orders.put(id, order);
        }
        for (String canceled : ackedCancels) {
            assertThat(orders.get(canceled).get("status").asText()).as("canceled order %s", canceled)
                    .isEqualTo("canceled");
        }
        for (String bot : bots) {
            checkBot(api, bot, orders);
        }
        for (JsonNode order : orders.values()) {
            if (order.get("type").asText().equals("market") && order.get("status").asText().equals("filled")) {
                assertThat(new BigDecimal(order.get("filledQuantity").asText()))
                        .isEqualByComparingTo(new BigDecimal(order.get("quantity").asText()));
            }
        }
    }

    private boolean ended(JsonNode order) {
        String status = order.get("status").asText();
        return status.equals("filled") || status.equals("denied")
                || halted && status.equals("canceled") && new BigDecimal(order.get("filledQuantity").asText())
                        .signum() == 0;
    }

    private void checkBot(Api api, String bot, Map<String, JsonNode> orders)
            throws Exception {
        JsonNode status = api.call("GET", "/api/bots/" + bot, null, 200);
        assertThat(status.get("status").asText()).as("bot %s: %s", bot, status).isIn("running", "paused");
        List<String> kinds = api.call("GET", "/api/bots/" + bot + "/events?limit=10000", null, 200)
                .findValuesAsText("kind");
        assertThat(kinds).contains("recovered").doesNotContain("incident", "failed");
        JsonNode fills = api.call("GET", "/api/fills?bot=" + bot + "&limit=10000", null, 200).get("items");
        Set<String> tradeIds = new HashSet<>();
        Map<String, BigDecimal> filled = new HashMap<>();
        BigDecimal cash = start;
        BigDecimal base = BigDecimal.ZERO;
        for (JsonNode fill : fills) {
            assertThat(tradeIds.add(fill.get("tradeId").asText())).as("trade id %s twice", fill.get("tradeId"))
                    .isTrue();
            String order = fill.get("orderId").asText();
            assertThat(acked).as("fill on an order nobody acknowledged: %s", fill).containsKey(order);
            BigDecimal qty = new BigDecimal(fill.get("quantity").asText());
            filled.merge(order, qty, BigDecimal::add);
            cash = cash.subtract(qty.multiply(new BigDecimal(fill.get("price").asText())));
            BigDecimal fee = new BigDecimal(fill.get("fee").asText());
            if (fill.get("feeAsset").asText().equals("USDT")) {
                cash = cash.subtract(fee);
                base = base.add(qty);
            } else {
                base = base.add(qty).subtract(fee);
            }
        }
        filled.forEach((order, qty) -> {
            JsonNode o = orders.get(order);
            assertThat(new BigDecimal(o.get("filledQuantity").asText())).as("order %s", order)
                    .isEqualByComparingTo(qty);
            assertThat(qty).isLessThanOrEqualTo(new BigDecimal(o.get("quantity").asText()));
        });
        JsonNode portfolio = api.call("GET", "/api/bots/" + bot + "/portfolio", null, 200);
        assertThat(new BigDecimal(portfolio.get("balances").get("USDT").asText())).as("bot %s cash", bot)
                .isEqualByComparingTo(cash);
        assertThat(new BigDecimal(portfolio.get("balances").get("BTC").asText())).as("bot %s BTC", bot)
                .isEqualByComparingTo(base);
    }

    /** Polls until {@code until} holds, failing after {@code limit}. */
    public static JsonNode await(Poll poll, java.util.function.Predicate<JsonNode> until, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode value = poll.get();
            if (until.test(value)) {
                return value;
            }
            assertThat(System.nanoTime()).as("still %s", value).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
