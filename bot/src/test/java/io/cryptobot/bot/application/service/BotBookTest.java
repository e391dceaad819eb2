package io.cryptobot.bot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.ReplayFeedSpec;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.FillsSince;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class BotBookTest {
    private static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    private static final Asset USDT = BTC.quote();
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private final Bot bot = Bot.newBot(new BotId(UUID.randomUUID()), new UserId(UUID.randomUUID()), "b", "manual",
            Map.of(), BTC, Timeframe.parse("1m").get(), UUID.randomUUID(), money("10000"), RiskLimits.none(),
            VenueCosts.parse(null, null, null, null).get(), Option.none(),
            new ReplayFeedSpec(T0.toEpochMilli(), T0.toEpochMilli() + 60_000, 1), T0);

    /** The journal of the bot: fills with their sequence numbers, and every cursor asked from. */
    private final List<FillView> journal = new ArrayList<>();
    private final List<Long> seqs = new ArrayList<>();
    private final List<Long> askedFrom = new ArrayList<>();
    private final LongFunction<FillsSince> since = after -> {
        askedFrom.add(after);
        List<FillView> found = new ArrayList<>();
        long through = after;
        for (int i = 0; i < journal.size(); i++) {
            if (seqs.get(i) > after) {
                found.add(journal.get(i));
                through = seqs.get(i);
            }
        }
        return new FillsSince(found, through);
    };

    @Test
    void reads_only_the_fills_booked_after_its_cursor_once_the_journal_version_moves() {
        // buy 0.1 at 40,000 with a fee of 4: cash 10,000 - 4,000 - 4 = 5,996
        journaled(5, Side.BUY, "0.1", "40000", "4");
        BotBook book = new BotBook(bot.startingCash());

        assertThat(book.portfolio(bot, 1, since).balances().get(USDT).toBigDecimal()).isEqualByComparingTo("5996");

        // sell 0.1 at 41,000 with a fee of 4.10: cash 5,996 + 4,100 - 4.10 = 10,091.90
        journaled(9, Side.SELL, "0.1", "41000", "4.10");
        assertThat(book.portfolio(bot, 1, since).balances().get(USDT).toBigDecimal())
                .as("same version: nothing journaled since, nothing read").isEqualByComparingTo("5996");
        BotPortfolio after = book.portfolio(bot, 2, since);

        assertThat(after.balances().get(USDT).toBigDecimal()).isEqualByComparingTo("10091.90");
        assertThat(after.trades()).hasSize(1);
        assertThat(askedFrom).containsExactly(0L, 5L);
    }

    @Test
    void is_the_same_portfolio_as_a_ledger_rebuilt_from_every_fill() {
        BotBook book = new BotBook(bot.startingCash());
        journaled(3, Side.BUY, "0.2", "40000", "8");
        book.portfolio(bot, 1, since);
        journaled(4, Side.SELL, "0.05", "42000", "2.10");
        journaled(7, Side.BUY, "0.1", "39000", "3.90");
        book.portfolio(bot, 2, since);
        journaled(8, Side.SELL, "0.15", "41000", "6.15");
        Bot marked = bot.checkpoint(1, 1, new Price(4150000, 2), T0.plusSeconds(60));

        BotPortfolio kept = book.portfolio(marked, 3, since);
        BotPortfolio rebuilt = new BotBook(bot.startingCash()).portfolio(marked, 3, since);

        assertThat(kept).isEqualTo(rebuilt);
        // 0.1 BTC left, marked at 41,500
        assertThat(kept.equity().toBigDecimal())
                .isEqualByComparingTo(kept.balances().get(USDT).plus(money("4150")).toBigDecimal());
    }

    @Test
    void marks_at_the_last_close_of_the_bot_it_is_asked_for() {
        journaled(1, Side.BUY, "0.1", "40000", "4");
        BotBook book = new BotBook(bot.startingCash());
        book.portfolio(bot, 1, since);

        BotPortfolio marked = book.portfolio(bot.checkpoint(1, 1, new Price(4200000, 2), T0), 1, since);

        // cash 5,996 and 0.1 BTC at 42,000
        assertThat(marked.equity().toBigDecimal()).isEqualByComparingTo("10196");
        assertThat(askedFrom).containsExactly(0L);
    }

    @Test
    void a_fill_the_ledger_refuses_leaves_nothing_half_booked_and_is_read_again_from_the_start() {
        journaled(1, Side.BUY, "0.1", "40000", "4");
        journaled(2, Side.SELL, "0.5", "40000", "4");
        BotBook book = new BotBook(bot.startingCash());

        assertThatThrownBy(() -> book.portfolio(bot, 1, since)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(bot.id().toString());
        journal.remove(1);
        seqs.remove(1);

        assertThat(book.portfolio(bot, 1, since).balances().get(USDT).toBigDecimal()).isEqualByComparingTo("5996");
        assertThat(askedFrom).containsExactly(0L, 0L);
    }

    private void journaled(long seq, Side side, String qty, String price, String fee) {
        journal.add(new FillView(UUID.randomUUID(), "t" + seq, bot.accountId(), bot.id().value(), BTC, side,
                Quantity.parse(qty, 4).get(), Price.parse(price, 2).get(), money(fee), LiquiditySide.TAKER,
                T0.plusSeconds(seq)));
        seqs.add(seq);
    }

    private static Money money(String value) {
        return Money.of(new BigDecimal(value), USDT);
    }
}
