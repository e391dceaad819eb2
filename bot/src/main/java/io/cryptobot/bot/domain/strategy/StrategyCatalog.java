package io.cryptobot.bot.domain.strategy;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/** The built-in strategies, by id. Bollinger, MACD, DCA and grid strategies are not built yet. */
public final class StrategyCatalog {
    private static final Seq<StrategyDefinition> BUILT_INS = List.of(
            MovingAverageCrossover.sma(),
            MovingAverageCrossover.ema(),
            RsiMeanReversion.definition());

    private StrategyCatalog() {
    }

    public static Seq<StrategyDefinition> builtIns() {
        return BUILT_INS;
    }

    public static Option<StrategyDefinition> find(String id) {
        return BUILT_INS.find(definition -> definition.id().equals(id));
    }
}
