package io.cryptobot.bot.application.port.out;

import java.util.concurrent.Executor;

/** The threads bots run on: each bot's steps run one at a time, in feed order, on one of them. */
public interface BotWorkersPort {
    Executor executor();
}
