package io.cryptobot.bot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The journal entry of the venue's minimum order notional a live session sizes against: written, read back. */
class BotControlMinNotionalTest {
    private static final Instant AT = Instant.parse("2026-12-06T13:00:00Z");

    @Test
    void the_minimum_is_read_back_from_the_entry_as_written() {
        BotControl entry = BotControl.minNotional(Option.some(new BigDecimal("5.00000000")), 60_000, AT);
        assertThat(entry.kind()).isEqualTo(BotControl.Kind.VENUE_MIN_NOTIONAL);
        assertThat(entry.kind().changesSession()).as("a rebuild applies it again").isTrue();
        assertThat(entry.reason()).startsWith("the venue's minimum order notional is 5 (as the last instrument sync");
        assertThat(entry.minNotional().get()).isEqualByComparingTo("5");
        assertThat(BotControl.minNotional(Option.some(new BigDecimal("0.0001")), 0, AT).minNotional().get())
                .isEqualByComparingTo("0.0001");
        assertThat(BotControl.minNotional(Option.some(new BigDecimal("1E+1")), 0, AT).minNotional().get())
                .isEqualByComparingTo("10");
    }

    @Test
    void no_minimum_is_none_and_other_entries_carry_none() {
        BotControl none = BotControl.minNotional(Option.none(), 0, AT);
        assertThat(none.reason()).isEqualTo("the venue states no minimum order notional");
        assertThat(none.minNotional()).isEmpty();
        assertThat(new BotControl(BotControl.Kind.OPENING_BLOCKED, 0, "the venue's minimum order notional is 5 ", AT)
                .minNotional()).isEmpty();
    }
}
