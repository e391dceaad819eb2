package io.cryptobot.app.notification.application.port.in;

/** The scheduler's look at every "no trade for n hours" rule and the running bots it covers. */
public interface CheckQuietBotsUseCase {
    void checkQuietBots();
}
