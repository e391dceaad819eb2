package io.cryptobot.bot.domain.event;

import io.cryptobot.kernel.domain.UserId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A bot's equity samples since its previous checkpoint, published once they are stored (a checkpoint comes at
 * least every second of running, and after every step that traded), with what its open positions were worth at the
 * last of them ({@code grossExposure}, long and short alike, in the bot's currency). Values are {@code double}s,
 * as the equity curve's: for analytics and alerts, never for money. A rebuilt session may publish samples again
 * (their times say so).
 */
public record BotEquitySampled(UserId owner, UUID botId, String botName, List<Sample> samples, double grossExposure) {
    /** The equity at {@code time} (epoch millis, the step's candle time). */
    public record Sample(long time, double equity) {
    }

    public BotEquitySampled {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(botName, "botName");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("at least one sample");
        }
    }

    /** The last sample: the one the exposure belongs to. */
    public Sample last() {
        return samples.get(samples.size() - 1);
    }
}
