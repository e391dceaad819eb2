package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import java.util.List;

/** The built-in strategies with their declared parameters (type, default, range), for clients building a run. */
public interface ListStrategiesQuery {
    List<StrategyDefinition> strategies();
}
