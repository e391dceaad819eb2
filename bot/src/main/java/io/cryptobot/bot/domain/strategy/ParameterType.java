package io.cryptobot.bot.domain.strategy;

/** The kinds of value a strategy parameter can hold; decimals are exact so a range check never rounds. */
public enum ParameterType {
    INTEGER,
    DECIMAL,
    BOOLEAN
}
