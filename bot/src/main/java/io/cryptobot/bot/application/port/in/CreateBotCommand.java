package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.risk.domain.LimitsInput;
import java.util.Map;

/**
 * A new paper bot as asked for, unchecked text: the strategy and its parameters, the instrument
 * ({@code VENUE:BASE/QUOTE}) and timeframe, the paper account to trade on, the feed ({@code feedKind} {@code replay},
 * the default: stored candles opening in [from, to), ISO-8601 or epoch ms, at {@code speed} times real time; or
 * {@code live}: the venue's live candles from the next one to close, without from, to or speed) and the simulated
 * venue's costs
 * (as for backtests; blank = default), and the bot's own pre-trade limits in the instrument's quote currency
 * (null = none of its own; they combine with the owner's, the stricter of each pair applying), and the sizing of
 * the strategy's entries (null = the strategy's own). On a live account (real money, the venue's own matching) a bot
 * needs {@code confirmLive} true, a live feed and a {@code budget}: the amount of the quote its ledger starts with
 * (a paper account's balance is its budget); {@code allowWithdrawalKey} true accepts keys that may withdraw (recorded
 * in the bot's journal; without it such keys are refused for trading).
 */
public record CreateBotCommand(String name, String strategy, Map<String, String> parameters, String instrument,
                               String timeframe, String accountId, String feedKind, String from, String to,
                               String speed,
                               String makerFee, String takerFee, String slippageBps, String maxVolumeShare,
                               LimitsInput limits, EntrySizing.Raw sizing, String budget, Boolean confirmLive,
                               Boolean allowWithdrawalKey) {

    /** A bot on a paper account (no budget, no confirmation needed). */
    public CreateBotCommand(String name, String strategy, Map<String, String> parameters, String instrument,
                            String timeframe, String accountId, String feedKind, String from, String to, String speed,
                            String makerFee, String takerFee, String slippageBps, String maxVolumeShare,
                            LimitsInput limits, EntrySizing.Raw sizing) {
        this(name, strategy, parameters, instrument, timeframe, accountId, feedKind, from, to, speed, makerFee,
                takerFee, slippageBps, maxVolumeShare, limits, sizing, null, null, null);
    }
}
