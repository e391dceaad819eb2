package io.cryptobot.risk.domain;

/** The pre-trade rules, each with a stable id that clients, block events and metrics may key on. */
public enum RuleId {
    TRADING_STATE("trading_state"),
    REDUCE_ONLY("reduce_only"),
    OPENING_BLOCKED("opening_blocked"),
    MAX_DAILY_LOSS("max_daily_loss"),
    MAX_ORDER_NOTIONAL("max_order_notional"),
    MAX_POSITION_SHARE("max_position_share"),
    MAX_OPEN_ORDERS("max_open_orders"),
    MAX_ASSET_EXPOSURE("max_asset_exposure"),
    MAX_ORDER_RATE("max_order_rate");

    private final String id;

    RuleId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
