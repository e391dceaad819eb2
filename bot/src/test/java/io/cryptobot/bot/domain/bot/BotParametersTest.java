package io.cryptobot.bot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A bot holds a read-only copy of the parameters it was made with, in their order; its next states (a checkpoint
 * after every live step) share that copy instead of copying it again.
 */
class BotParametersTest {
    private static final Asset USDT = new Asset("USDT");
    private static final InstrumentId BTC = new InstrumentId(new Venue("SIM"), new Asset("BTC"), USDT);
    private static final Instant T0 = Instant.parse("2026-12-06T17:00:00Z");

    @Test
    void the_parameters_are_copied_in_their_order_and_cannot_be_changed_from_outside() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("slow", "20");
        given.put("fast", "5");
        Bot bot = bot(given);
        given.put("fast", "6");
        given.put("extra", "1");

        assertThat(bot.parameters()).containsExactly(Map.entry("slow", "20"), Map.entry("fast", "5"));
        assertThat(bot.parameters()).isEqualTo(Map.of("fast", "5", "slow", "20"));
        assertThatThrownBy(() -> bot.parameters().put("fast", "7")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> bot.parameters().entrySet().iterator().next().setValue("7"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_checkpoint_and_every_later_state_share_the_parameters_without_copying_them() {
        Bot bot = bot(Map.of("fast", "5", "slow", "20"));
        Bot started = bot.start(T0).get();
        Bot checkpointed = started.checkpoint(T0.toEpochMilli(), 1, Price.parse("100.00", 2).get(), T0);

        assertThat(started.parameters()).isSameAs(bot.parameters());
        assertThat(checkpointed.parameters()).isSameAs(bot.parameters());
        assertThat(checkpointed.withProgressOf(started).parameters()).isSameAs(bot.parameters());
    }

    private static Bot bot(Map<String, String> parameters) {
        return Bot.newBot(new BotId(UUID.randomUUID()), new UserId(UUID.randomUUID()), "b", "sma_crossover",
                parameters, BTC, Timeframe.parse("1m").get(), UUID.randomUUID(), new Money(1_000_000, 2, USDT),
                RiskLimits.none(), VenueCosts.parse(null, null, null, null).get(), Option.none(),
                new LiveFeedSpec(Option.none()), T0);
    }
}
