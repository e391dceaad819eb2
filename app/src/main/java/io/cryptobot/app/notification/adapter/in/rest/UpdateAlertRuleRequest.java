package io.cryptobot.app.notification.adapter.in.rest;

/** What to change; omitted fields are kept (the kind and the bot are the rule's for good). */
public record UpdateAlertRuleRequest(String name, String threshold, String unit, Boolean enabled) {
}
