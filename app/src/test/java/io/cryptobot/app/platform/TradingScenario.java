package io.cryptobot.app.platform;

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
final class TradingScenario {
    final String instrument;
    final BigDecimal start = new BigDecimal("100000");
    final List<String> accounts = new ArrayList<>();
    final List<String> bots = new ArrayList<>();
    /** Every order acknowledged (201 or 200), by id: its client order id and body. */
    private final Map<String, Acked> acked = new HashMap<>();
    private final Set<String> ackedCancels = new HashSet<>();

    private record Acked(String clientOrderId, Map<String, Object> body) {
    }

    TradingScenario(String venue) {
        this.instrument = venue + ":BTC/USDT";
    }

    /** The instrument, its candles, and one paper account with a running manual bot per name. */
    TradingScenario setUp(PackagedApp app, String token, List<String> names) throws Exception {
        String venue = instrument.substring(0, instrument.indexOf(':'));
        app.call("POST", "/api/marketdata/instruments", token, Map.of("venue", venue, "base", "BTC", "quote",
                "USDT", "tickSize", "0.01", "stepSize", "0.00001"), 201);
        JsonNode job = app.call("POST", "/api/marketdata/synthetic", token, Map.of("instrument", instrument,
                "timeframe", "1m", "from", "2020-01-01T00:00:00Z", "count", 100_000, "seed", 9,
                "startPrice", "30000.00", "volatility", 0.001), 202);
        PackagedApp.await(() -> app.call("GET", "/api/marketdata/imports/" + job.get("id").asText(), token, null,
                200), j -> j.get("status").asText().equals("completed"), Duration.ofMinutes(2));
        for (String name : names) {
            String account = app.call("POST", "/api/accounts/paper", token, Map.of("name", name,
                    "balances", Map.of("USDT", start.toPlainString())), 201).get("id").asText();
            Map<String, Object> bot = new HashMap<>();
            bot.put("name", name);
            bot.put("strategy", "manual");
            bot.put("instrument", instrument);
            bot.put("timeframe", "1m");
            bot.put("accountId", account);
            bot.put("feed", Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-03-01T00:00:00Z", "speed", "1200"));
            bot.put("takerFee", "0.001");
            String id = app.call("POST", "/api/bots", token, bot, 201).get("id").asText();
            app.call("POST", "/api/bots/" + id + "/start", token, null, 200);
            accounts.add(account);
            bots.add(id);
        }
        for (String bot : bots) {
            PackagedApp.await(() -> app.call("GET", "/api/bots/" + bot, token, null, 200),
                    j -> j.get("steps").asLong() > 5, Duration.ofSeconds(30));
        }
        return this;
    }

    /** A hand buy of 0.001 BTC. */
    Map<String, Object> body(String account, String clientOrderId, String type, String limitPrice) {
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
    void ack(Map<String, Object> body, String id) {
        Acked before = acked.putIfAbsent(id, new Acked((String) body.get("clientOrderId"), body));
        assertThat(before == null || before.clientOrderId().equals(body.get("clientOrderId")))
                .as("id %s acknowledged for %s and for %s", id, before, body.get("clientOrderId")).isTrue();
    }

    void canceled(Collection<String> ids) {
        ackedCancels.addAll(ids);
    }

    /** An order the test settled itself (canceled after checking it), left out of later checks. */
    void forget(String id) {
        acked.remove(id);
    }

    int acknowledged() {
        return acked.size();
    }

    /** Every invariant of the journal, read back over the API once the acknowledged market orders have filled. */
    void check(PackagedApp app, String token) throws Exception {
        Map<String, JsonNode> orders = new HashMap<>();
        for (Map.Entry<String, Acked> entry : acked.entrySet()) {
            String id = entry.getKey();
            Acked a = entry.getValue();
            JsonNode order = PackagedApp.await(() -> app.call("GET", "/api/orders/" + id, token, null, 200),
                    j -> !a.body().get("type").equals("market") || j.get("order").get("status").asText()
                            .equals("filled") || j.get("order").get("status").asText().equals("denied"),
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
            checkBot(app, token, bot, orders);
        }
        for (JsonNode order : orders.values()) {
            if (order.get("type").asText().equals("market") && order.get("status").asText().equals("filled")) {
                assertThat(new BigDecimal(order.get("filledQuantity").asText()))
                        .isEqualByComparingTo(new BigDecimal(order.get("quantity").asText()));
            }
        }
    }

    private void checkBot(PackagedApp app, String token, String bot, Map<String, JsonNode> orders)
            throws Exception {
        JsonNode status = app.call("GET", "/api/bots/" + bot, token, null, 200);
        assertThat(status.get("status").asText()).as("bot %s: %s", bot, status).isIn("running", "paused");
        List<String> kinds = app.call("GET", "/api/bots/" + bot + "/events", token, null, 200)
                .findValuesAsText("kind");
        assertThat(kinds).contains("recovered").doesNotContain("incident", "failed");
        JsonNode fills = app.call("GET", "/api/fills?bot=" + bot + "&limit=10000", token, null, 200).get("items");
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
        JsonNode portfolio = app.call("GET", "/api/bots/" + bot + "/portfolio", token, null, 200);
        assertThat(new BigDecimal(portfolio.get("balances").get("USDT").asText())).as("bot %s cash", bot)
                .isEqualByComparingTo(cash);
        assertThat(new BigDecimal(portfolio.get("balances").get("BTC").asText())).as("bot %s BTC", bot)
                .isEqualByComparingTo(base);
    }
}
