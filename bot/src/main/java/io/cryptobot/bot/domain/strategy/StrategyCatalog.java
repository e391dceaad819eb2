package io.cryptobot.bot.domain.strategy;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/** The built-in strategies, by id. */
public final class StrategyCatalog {
    private static final Seq<StrategyDefinition> BUILT_INS = List.of(
            MovingAverageCrossover.sma(),
            MovingAverageCrossover.ema(),
            RsiMeanReversion.definition(),
            BollingerBreakout.definition(),
            MacdCrossover.definition(),
            DollarCostAveraging.definition(),
            Grid.definition(),
            Manual.definition());

    private StrategyCatalog() {
    }

    public static Seq<StrategyDefinition> builtIns() {
        return BUILT_INS;
    }

    public static Option<StrategyDefinition> find(String id) {
        return BUILT_INS.find(definition -> definition.id().equals(id));
    }
}
