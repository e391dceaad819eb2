package io.cryptobot.exchange.fakevenue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The fake Binance's matching engine and accounts (binance-spot-api-docs rest-api.md "Trading endpoints", "Account
 * endpoints", errors.md, filters.md, user-data-stream.md "Order Update"). Deliberately simple where the docs leave
 * the venue free, and exact where the adapter depends on them:
 * <ul>
 *   <li>the market is a last price per symbol and a feed of trade prints the test controls ({@link #trade}): a
 *   print at price P for quantity Q fills resting buys at or above P and sells at or below P, oldest first, at the
 *   order's own price (maker), until Q is used up, so a print smaller than an order fills it in part;</li>
 *   <li>a MARKET order, and a LIMIT order that crosses the last price when placed, takes at the last price in full
 *   (taker); IOC/FOK orders that do not cross expire; a MARKET order with no last price expires
 *   ({@code INSUFFICIENT_LIQUIDITY});</li>
 *   <li>placement checks, in Binance's order: symbol (-1121), mandatory parameters (-1102), filters (-1013 "Filter
 *   failure: PRICE_FILTER / PERCENT_PRICE_BY_SIDE / LOT_SIZE / NOTIONAL"), a client order id in use by an open order
 *   (-2010 "Duplicate order sent."), balance (-2010 "Account has insufficient balance for requested action.");</li>
 *   <li>funds are locked when an order rests and released when it fills or is canceled; the commission is
 *   {@code rate} of the trade's quote value, charged per account in the received asset (Binance's default), the
 *   quote, the base, or BNB (at the BNB price in the quote the test set);</li>
 *   <li>every change is an {@code executionReport} to the account's stream subscribers.</li>
 * </ul>
 * Monitor: every method is synchronized on the engine; events are handed to {@code publish} inside it, in order.
 */
public final class FakeSpotEngine {
    /** Which asset an account's commissions are charged in. */
    public enum FeeAsset {
        RECEIVED, QUOTE, BASE, BNB
    }

    /** An answer: HTTP status and JSON body. */
    public record Reply(int status, String body) {
    }

    private static final int SCALE = 8;
    private final Function<String, JsonObject> symbols;
    private final LongSupplier clock;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<Long, Order> orders = new LinkedHashMap<>();
    private final Map<String, BigDecimal> lastPrices = new TreeMap<>();
    private final Map<String, BigDecimal> bnbPrices = new TreeMap<>();
    private final Map<String, BigDecimal> averagePrices = new TreeMap<>();
    private long nextOrderId = 1000;
    private long nextTradeId = 5000;
    private long nextExecutionId = 1;

    static final class Account {
        final String apiKey;
        final Map<String, BigDecimal[]> balances = new TreeMap<>();
        final List<JsonObject> trades = new ArrayList<>();
        FeeAsset feeAsset = FeeAsset.RECEIVED;
        BigDecimal feeRate = new BigDecimal("0.001");
        Consumer<JsonObject> publish = e -> { };

        Account(String apiKey) {
            this.apiKey = apiKey;
        }

        BigDecimal[] balance(String asset) {
            return balances.computeIfAbsent(asset, a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
    }

    static final class Order {
        String apiKey;
        String symbol;
        String base;
        String quote;
        long orderId;
        String clientOrderId;
        String side;
        String type;
        String timeInForce;
        BigDecimal price;
        BigDecimal quantity;
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal cumulativeQuote = BigDecimal.ZERO;
        String status = "NEW";
        long time;
        long updateTime;
        /** What this order still holds locked: quote for a buy, base for a sell. */
        BigDecimal locked = BigDecimal.ZERO;

        boolean open() {
            return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
        }

        boolean buy() {
            return side.equals("BUY");
        }

        BigDecimal remaining() {
            return quantity.subtract(executed);
        }
    }

    FakeSpotEngine(Function<String, JsonObject> symbols, LongSupplier clock) {
        this.symbols = symbols;
        this.clock = clock;
    }

    synchronized void account(String apiKey, Map<String, BigDecimal[]> balances) {
        Account account = accounts.computeIfAbsent(apiKey, Account::new);
        balances.forEach((asset, amounts) -> account.balances.put(asset, new BigDecimal[] {amounts[0], amounts[1]}));
    }

    synchronized void publisher(String apiKey, Consumer<JsonObject> publish) {
        accounts.computeIfAbsent(apiKey, Account::new).publish = publish;
    }

    /** How {@code apiKey}'s account pays commissions: in which asset and at what rate of the quote value. */
    public synchronized void fees(String apiKey, FeeAsset asset, String rate) {
        Account account = accounts.computeIfAbsent(apiKey, Account::new);
        account.feeAsset = asset;
        account.feeRate = new BigDecimal(rate);
    }

    /** The price of BNB in {@code quote}, for commissions charged in BNB. */
    public synchronized void bnbPrice(String quote, String price) {
        bnbPrices.put(quote, new BigDecimal(price));
    }

    /** Sets the last price of {@code symbol} without any trade (nothing fills). */
    public synchronized void lastPrice(String symbol, String price) {
        lastPrices.put(symbol, new BigDecimal(price));
    }

    /**
     * Scripts {@code symbol}'s weighted average price (market-data-endpoints.md "Current average price"), the
     * reference of its percent-price filters; unscripted it is the last price (as with {@code avgPriceMins} 0).
     */
    public synchronized void averagePrice(String symbol, String price) {
        averagePrices.put(symbol, new BigDecimal(price));
    }

    /** The reference of {@code symbol}'s percent-price filters (null: no price yet). */
    public synchronized BigDecimal averagePrice(String symbol) {
        return averagePrices.getOrDefault(symbol, lastPrices.get(symbol));
    }

    /**
     * A trade print on {@code symbol} at {@code price} for {@code quantity}: the last price moves there and resting
     * orders it crosses fill, oldest first, until the quantity is used up.
     */
    public synchronized void trade(String symbol, String price, String quantity) {
        BigDecimal at = new BigDecimal(price);
        BigDecimal left = new BigDecimal(quantity);
        lastPrices.put(symbol, at);
        for (Order order : List.copyOf(orders.values())) {
            if (left.signum() <= 0) {
                break;
            }
            if (!order.open() || !order.symbol.equals(symbol) || order.price == null) {
                continue;
            }
            boolean crosses = order.buy() ? order.price.compareTo(at) >= 0 : order.price.compareTo(at) <= 0;
            if (crosses) {
                BigDecimal qty = order.remaining().min(left);
                left = left.subtract(qty);
                fill(order, qty, order.price, true);
            }
        }
    }

    /** The free and locked amounts of {@code asset} (zero when never held). */
    public synchronized BigDecimal[] balance(String apiKey, String asset) {
        BigDecimal[] amounts = accounts.get(apiKey).balance(asset);
        return new BigDecimal[] {amounts[0], amounts[1]};
    }

    /** How many orders the engine took for {@code apiKey}, under any client order id. */
    public synchronized long orderCount(String apiKey) {
        return orders.values().stream().filter(o -> o.apiKey.equals(apiKey)).count();
    }

    /** How many orders the account has placed under {@code clientOrderId} (a test's proof that one was not resent). */
    public synchronized long placed(String apiKey, String clientOrderId) {
        return orders.values().stream().filter(o -> o.apiKey.equals(apiKey) && o.clientOrderId.equals(clientOrderId))
                .count();
    }

    public synchronized long openOrderCount(String apiKey) {
        return orders.values().stream().filter(o -> o.apiKey.equals(apiKey) && o.open()).count();
    }

    /** POST /api/v3/order. */
    public synchronized Reply place(String apiKey, Map<String, String> p) {
        JsonObject symbol = symbols.apply(p.get("symbol"));
        if (symbol == null) {
            return error(400, -1121, "Invalid symbol.");
        }
        for (String mandatory : List.of("side", "type")) {
            if (p.get(mandatory) == null) {
                return missing(mandatory);
            }
        }
        String type = p.get("type");
        if (!type.equals("LIMIT") && !type.equals("MARKET")) {
            return error(400, -1013, "Unsupported order type for this fake: " + type);
        }
        if (p.get("quantity") == null) {
            return missing("quantity");
        }
        if (type.equals("LIMIT") && p.get("price") == null) {
            return missing("price");
        }
        if (type.equals("LIMIT") && p.get("timeInForce") == null) {
            return missing("timeInForce");
        }
        BigDecimal quantity = new BigDecimal(p.get("quantity"));
        BigDecimal price = p.get("price") == null ? null : new BigDecimal(p.get("price"));
        String side = p.get("side");
        BigDecimal last = lastPrices.get(p.get("symbol"));
        String filter = failedFilter(symbol, side, price, quantity, last, averagePrice(p.get("symbol")));
        if (filter != null) {
            return error(400, -1013, "Filter failure: " + filter);
        }
        Account account = accounts.computeIfAbsent(apiKey, Account::new);
        String clientOrderId = p.getOrDefault("newClientOrderId", "x-" + nextOrderId);
        boolean duplicate = orders.values().stream().anyMatch(o -> o.apiKey.equals(apiKey) && o.open()
                && o.clientOrderId.equals(clientOrderId));
        if (duplicate) {
            return error(400, -2010, "Duplicate order sent.");
        }
        Order order = new Order();
        order.apiKey = apiKey;
        order.symbol = p.get("symbol");
        order.base = symbol.getString("baseAsset");
        order.quote = symbol.getString("quoteAsset");
        order.side = side;
        order.type = type;
        order.timeInForce = type.equals("LIMIT") ? p.get("timeInForce") : "GTC";
        order.price = price;
        order.quantity = quantity;
        BigDecimal cost = side.equals("BUY") ? quantity.multiply(price != null ? price : last == null
                ? BigDecimal.ZERO : last) : quantity;
        BigDecimal[] funds = account.balance(side.equals("BUY") ? order.quote : order.base);
        if (funds[0].compareTo(cost) < 0) {
            return error(400, -2010, "Account has insufficient balance for requested action.");
        }
        order.orderId = nextOrderId++;
        order.clientOrderId = clientOrderId;
        order.time = clock.getAsLong();
        order.updateTime = order.time;
        orders.put(order.orderId, order);
        List<JsonObject> fills = new ArrayList<>();
        int before = account.trades.size();
        if (type.equals("MARKET") && last == null) {
            order.status = "EXPIRED";
            report(order, "EXPIRED", null);
        } else {
            funds[0] = funds[0].subtract(cost);
            funds[1] = funds[1].add(cost);
            order.locked = cost;
            report(order, "NEW", null);
            boolean crosses = last != null && (type.equals("MARKET") || (order.buy() ? price.compareTo(last) >= 0
                    : price.compareTo(last) <= 0));
            if (crosses) {
                fill(order, quantity, last, false);
            } else if (!order.timeInForce.equals("GTC")) {
                expire(order);
            }
        }
        for (JsonObject trade : account.trades.subList(before, account.trades.size())) {
            fills.add(new JsonObject().put("price", trade.getString("price")).put("qty", trade.getString("qty"))
                    .put("commission", trade.getString("commission"))
                    .put("commissionAsset", trade.getString("commissionAsset")).put("tradeId", trade.getLong("id")));
        }
        JsonObject body = orderJson(order).put("transactTime", order.updateTime).put("workingTime", order.time)
                .put("fills", new JsonArray(fills));
        body.remove("time");
        body.remove("updateTime");
        body.remove("isWorking");
        return new Reply(200, body.encode());
    }

    /** DELETE /api/v3/order by origClientOrderId or orderId. */
    synchronized Reply cancel(String apiKey, Map<String, String> p) {
        Order order = find(apiKey, p, true);
        if (order == null || !order.open()) {
            return error(400, -2011, "Unknown order sent.");
        }
        order.status = "CANCELED";
        order.updateTime = clock.getAsLong();
        release(order);
        String cancelId = p.getOrDefault("newClientOrderId", "cancel-" + order.orderId);
        report(order, "CANCELED", cancelId);
        JsonObject body = orderJson(order).put("origClientOrderId", order.clientOrderId)
                .put("clientOrderId", cancelId).put("transactTime", order.updateTime);
        body.remove("time");
        body.remove("updateTime");
        body.remove("isWorking");
        return new Reply(200, body.encode());
    }

    /** GET /api/v3/order. */
    public synchronized Reply query(String apiKey, Map<String, String> p) {
        Order order = find(apiKey, p, false);
        return order == null ? error(400, -2013, "Order does not exist.") : new Reply(200, orderJson(order).encode());
    }

    /** GET /api/v3/openOrders. */
    public synchronized Reply openOrders(String apiKey, Map<String, String> p) {
        JsonArray open = new JsonArray();
        orders.values().stream().filter(o -> o.apiKey.equals(apiKey) && o.open()
                && (p.get("symbol") == null || o.symbol.equals(p.get("symbol")))).forEach(o -> open.add(orderJson(o)));
        return new Reply(200, open.encode());
    }

    /** The widest time window GET /api/v3/myTrades answers for (rest-api.md "Account trade list"). */
    static final long MY_TRADES_WINDOW_MILLIS = 24L * 60 * 60 * 1000;

    /**
     * GET /api/v3/myTrades (rest-api.md "Account trade list (USER_DATA)"): by orderId, from fromId, or in a time
     * window; oldest first, except without fromId or a time (the most recent); limit default 500, at most 1000.
     * The documented rules are enforced: only the supported combinations of the optional parameters (symbol;
     * + orderId; + startTime; + endTime; + fromId; + startTime + endTime; + orderId + fromId; anything else -1128),
     * and "the time between startTime and endTime can't be longer than 24 hours" (-1127, Binance's "More than 24
     * hours between startTime and endTime."). A startTime or an endTime alone reads that same 24-hour window from
     * it (or up to it): the fake takes the strict reading of the rule, so an adapter that reads a longer span with a
     * startTime alone misses trades here.
     */
    public synchronized Reply myTrades(String apiKey, Map<String, String> p) {
        if (p.get("symbol") == null) {
            return missing("symbol");
        }
        int limit = p.get("limit") == null ? 500 : Integer.parseInt(p.get("limit"));
        if (limit < 1 || limit > 1000) {
            return error(400, -1130, "Data sent for parameter 'limit' is not valid.");
        }
        boolean byOrder = p.get("orderId") != null;
        boolean fromId = p.get("fromId") != null;
        boolean byTime = p.get("startTime") != null || p.get("endTime") != null;
        if (byTime && (byOrder || fromId)) {
            return error(400, -1128, "Combination of optional parameters invalid.");
        }
        long start = Long.MIN_VALUE;
        long end = Long.MAX_VALUE;
        if (byTime) {
            start = p.get("startTime") == null ? Long.parseLong(p.get("endTime")) - MY_TRADES_WINDOW_MILLIS
                    : Long.parseLong(p.get("startTime"));
            end = p.get("endTime") == null ? start + MY_TRADES_WINDOW_MILLIS : Long.parseLong(p.get("endTime"));
            if (end - start > MY_TRADES_WINDOW_MILLIS) {
                return error(400, -1127, "More than 24 hours between startTime and endTime.");
            }
        }
        long from = start;
        long to = end;
        List<JsonObject> matching = accounts.get(apiKey).trades.stream()
                .filter(t -> t.getString("symbol").equals(p.get("symbol")))
                .filter(t -> !byOrder || t.getLong("orderId") == Long.parseLong(p.get("orderId")))
                .filter(t -> !fromId || t.getLong("id") >= Long.parseLong(p.get("fromId")))
                .filter(t -> t.getLong("time") >= from && t.getLong("time") <= to)
                .toList();
        boolean oldest = fromId || byTime;
        List<JsonObject> page = oldest ? matching.subList(0, Math.min(limit, matching.size()))
                : matching.subList(Math.max(0, matching.size() - limit), matching.size());
        return new Reply(200, new JsonArray(new ArrayList<>(page)).encode());
    }

    /** The balances of GET /api/v3/account. */
    synchronized JsonArray balances(String apiKey, boolean omitZero) {
        JsonArray balances = new JsonArray();
        Account account = accounts.get(apiKey);
        if (account == null) {
            return balances;
        }
        account.balances.forEach((asset, amounts) -> {
            if (!omitZero || amounts[0].signum() != 0 || amounts[1].signum() != 0) {
                balances.add(new JsonObject().put("asset", asset).put("free", text(amounts[0]))
                        .put("locked", text(amounts[1])));
            }
        });
        return balances;
    }

    private Order find(String apiKey, Map<String, String> p, boolean preferOpen) {
        if (p.get("orderId") != null) {
            Order order = orders.get(Long.parseLong(p.get("orderId")));
            return order != null && order.apiKey.equals(apiKey) ? order : null;
        }
        String clientOrderId = p.get("origClientOrderId");
        Order found = null;
        for (Order order : orders.values()) {
            if (order.apiKey.equals(apiKey) && order.clientOrderId.equals(clientOrderId)
                    && order.symbol.equals(p.get("symbol"))) {
                if (preferOpen && found != null && found.open() && !order.open()) {
                    continue;
                }
                found = order;
            }
        }
        return found;
    }

    /** filters.md, in the order Binance lists them; null when every filter passes. */
    private static String failedFilter(JsonObject symbol, String side, BigDecimal price, BigDecimal quantity,
                                       BigDecimal last, BigDecimal average) {
        for (Object item : symbol.getJsonArray("filters")) {
            JsonObject f = (JsonObject) item;
            switch (f.getString("filterType")) {
                case "PRICE_FILTER" -> {
                    if (price != null && (price.compareTo(new BigDecimal(f.getString("minPrice"))) < 0
                            || price.compareTo(new BigDecimal(f.getString("maxPrice"))) > 0
                            || !multiple(price.subtract(new BigDecimal(f.getString("minPrice"))),
                            new BigDecimal(f.getString("tickSize"))))) {
                        return "PRICE_FILTER";
                    }
                }
                case "PERCENT_PRICE_BY_SIDE" -> {
                    if (price != null && average != null) {
                        boolean buy = side.equals("BUY");
                        BigDecimal up = average.multiply(new BigDecimal(f.getString(buy ? "bidMultiplierUp"
                                : "askMultiplierUp")));
                        BigDecimal down = average.multiply(new BigDecimal(f.getString(buy ? "bidMultiplierDown"
                                : "askMultiplierDown")));
                        if (price.compareTo(up) > 0 || price.compareTo(down) < 0) {
                            return "PERCENT_PRICE_BY_SIDE";
                        }
                    }
                }
                case "PERCENT_PRICE" -> {
                    if (price != null && average != null
                            && (price.compareTo(average.multiply(new BigDecimal(f.getString("multiplierUp")))) > 0
                            || price.compareTo(average.multiply(new BigDecimal(f.getString("multiplierDown")))) < 0)) {
                        return "PERCENT_PRICE";
                    }
                }
                case "LOT_SIZE" -> {
                    if (quantity.compareTo(new BigDecimal(f.getString("minQty"))) < 0
                            || quantity.compareTo(new BigDecimal(f.getString("maxQty"))) > 0
                            || !multiple(quantity.subtract(new BigDecimal(f.getString("minQty"))),
                            new BigDecimal(f.getString("stepSize")))) {
                        return "LOT_SIZE";
                    }
                }
                case "NOTIONAL" -> {
                    BigDecimal at = price != null ? price : f.getBoolean("applyMinToMarket", true) ? last : null;
                    if (at != null && at.multiply(quantity).compareTo(new BigDecimal(f.getString("minNotional"))) < 0) {
                        return "NOTIONAL";
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static boolean multiple(BigDecimal value, BigDecimal step) {
        return step.signum() == 0 || value.remainder(step).signum() == 0;
    }

    /** One execution of {@code qty} at {@code px}: funds move, the commission is charged, a TRADE report goes out. */
    private void fill(Order order, BigDecimal qty, BigDecimal px, boolean maker) {
        Account account = accounts.get(order.apiKey);
        BigDecimal quoteValue = qty.multiply(px);
        BigDecimal[] base = account.balance(order.base);
        BigDecimal[] quote = account.balance(order.quote);
        if (order.buy()) {
            BigDecimal reserved = order.price != null ? qty.multiply(order.price) : quoteValue;
            reserved = reserved.min(order.locked);
            quote[1] = quote[1].subtract(reserved);
            quote[0] = quote[0].add(reserved.subtract(quoteValue));
            order.locked = order.locked.subtract(reserved);
            base[0] = base[0].add(qty);
        } else {
            base[1] = base[1].subtract(qty);
            order.locked = order.locked.subtract(qty);
            quote[0] = quote[0].add(quoteValue);
        }
        BigDecimal feeInQuote = quoteValue.multiply(account.feeRate);
        String feeAsset;
        BigDecimal fee;
        switch (account.feeAsset) {
            case QUOTE -> {
                feeAsset = order.quote;
                fee = feeInQuote;
            }
            case BASE -> {
                feeAsset = order.base;
                fee = qty.multiply(account.feeRate);
            }
            case BNB -> {
                feeAsset = "BNB";
                fee = feeInQuote.divide(bnbPrices.getOrDefault(order.quote, BigDecimal.ONE), SCALE,
                        RoundingMode.HALF_UP);
            }
            default -> {
                feeAsset = order.buy() ? order.base : order.quote;
                fee = order.buy() ? qty.multiply(account.feeRate) : feeInQuote;
            }
        }
        fee = fee.setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal[] feeFunds = account.balance(feeAsset);
        feeFunds[0] = feeFunds[0].subtract(fee);
        order.executed = order.executed.add(qty);
        order.cumulativeQuote = order.cumulativeQuote.add(quoteValue);
        order.status = order.executed.compareTo(order.quantity) >= 0 ? "FILLED" : "PARTIALLY_FILLED";
        order.updateTime = clock.getAsLong();
        long tradeId = nextTradeId++;
        if (order.status.equals("FILLED")) {
            release(order);
        }
        account.trades.add(new JsonObject().put("symbol", order.symbol).put("id", tradeId)
                .put("orderId", order.orderId).put("orderListId", -1).put("price", text(px)).put("qty", text(qty))
                .put("quoteQty", text(quoteValue)).put("commission", text(fee)).put("commissionAsset", feeAsset)
                .put("time", order.updateTime).put("isBuyer", order.buy()).put("isMaker", maker)
                .put("isBestMatch", true));
        JsonObject trade = new JsonObject().put("l", text(qty)).put("L", text(px)).put("n", text(fee))
                .put("N", feeAsset).put("t", tradeId).put("m", maker);
        report(order, "TRADE", null, trade);
    }

    private void expire(Order order) {
        order.status = "EXPIRED";
        order.updateTime = clock.getAsLong();
        release(order);
        report(order, "EXPIRED", null);
    }

    private void release(Order order) {
        Account account = accounts.get(order.apiKey);
        BigDecimal[] funds = account.balance(order.buy() ? order.quote : order.base);
        funds[1] = funds[1].subtract(order.locked);
        funds[0] = funds[0].add(order.locked);
        order.locked = BigDecimal.ZERO;
    }

    private void report(Order order, String executionType, String cancelId) {
        report(order, executionType, cancelId, new JsonObject().put("l", text(BigDecimal.ZERO))
                .put("L", text(BigDecimal.ZERO)).put("n", "0").putNull("N").put("t", -1).put("m", false));
    }

    /** user-data-stream.md "Order Update": an executionReport with every documented field. */
    private void report(Order order, String executionType, String cancelId, JsonObject trade) {
        long now = clock.getAsLong();
        JsonObject event = new JsonObject().put("e", "executionReport").put("E", now).put("s", order.symbol)
                .put("c", cancelId != null ? cancelId : order.clientOrderId).put("S", order.side)
                .put("o", order.type).put("f", order.timeInForce).put("q", text(order.quantity))
                .put("p", text(order.price == null ? BigDecimal.ZERO : order.price)).put("P", text(BigDecimal.ZERO))
                .put("F", text(BigDecimal.ZERO)).put("g", -1).put("C", cancelId != null ? order.clientOrderId : "")
                .put("x", executionType).put("X", order.status).put("r", "NONE").put("i", order.orderId)
                .put("l", trade.getString("l")).put("z", text(order.executed)).put("L", trade.getString("L"))
                .put("n", trade.getString("n")).put("N", trade.getValue("N")).put("T", order.updateTime)
                .put("t", trade.getLong("t")).put("I", nextExecutionId++).put("w", order.open())
                .put("m", trade.getBoolean("m")).put("M", false).put("O", order.time)
                .put("Z", text(order.cumulativeQuote)).put("Y", text(new BigDecimal(trade.getString("l"))
                        .multiply(new BigDecimal(trade.getString("L"))))).put("Q", text(BigDecimal.ZERO))
                .put("W", order.time).put("V", "NONE");
        if (executionType.equals("EXPIRED")) {
            event.put("eR", order.type.equals("MARKET") && order.executed.signum() == 0 ? "INSUFFICIENT_LIQUIDITY"
                    : order.timeInForce.equals("FOK") ? "UNFILLED_FOK_ORDER_EXPIRED" : "UNFILLED_IOC_QUANTITY_EXPIRED");
        }
        accounts.get(order.apiKey).publish.accept(event);
    }

    private static JsonObject orderJson(Order o) {
        return new JsonObject().put("symbol", o.symbol).put("orderId", o.orderId).put("orderListId", -1)
                .put("clientOrderId", o.clientOrderId).put("price", text(o.price == null ? BigDecimal.ZERO : o.price))
                .put("origQty", text(o.quantity)).put("executedQty", text(o.executed))
                .put("cummulativeQuoteQty", text(o.cumulativeQuote)).put("status", o.status)
                .put("timeInForce", o.timeInForce).put("type", o.type).put("side", o.side)
                .put("stopPrice", text(BigDecimal.ZERO)).put("icebergQty", text(BigDecimal.ZERO))
                .put("time", o.time).put("updateTime", o.updateTime).put("isWorking", true)
                .put("workingTime", o.time).put("origQuoteOrderQty", text(BigDecimal.ZERO))
                .put("selfTradePreventionMode", "NONE");
    }

    static String text(BigDecimal value) {
        return value.setScale(Math.max(SCALE, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private static Reply missing(String parameter) {
        return error(400, -1102, "Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
    }

    static Reply error(int status, int code, String message) {
        return new Reply(status, new JsonObject().put("code", code).put("msg", message).encode());
    }
}
