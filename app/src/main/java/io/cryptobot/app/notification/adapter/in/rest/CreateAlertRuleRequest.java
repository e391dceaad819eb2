package io.cryptobot.app.notification.adapter.in.rest;

/**
 * A new alert rule: {@code kind} drawdown, daily_loss, no_trade or exposure; {@code threshold} a decimal string;
 * {@code unit} percent (drawdown, exposure; daily_loss), quote (daily_loss in the bot's currency) or hours
 * (no_trade), required for daily_loss only; {@code botId} one of the caller's bots, omitted for each of them.
 */
public record CreateAlertRuleRequest(String name, String kind, String threshold, String unit, String botId) {
}
