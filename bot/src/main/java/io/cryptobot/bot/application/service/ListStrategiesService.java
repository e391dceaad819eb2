package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.ListStrategiesQuery;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class ListStrategiesService implements ListStrategiesQuery {
    @Override
    public List<StrategyDefinition> strategies() {
        return StrategyCatalog.builtIns().toJavaList();
    }
}
