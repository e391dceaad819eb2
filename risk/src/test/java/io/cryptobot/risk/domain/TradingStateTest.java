package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Fixtures.META;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.risk.domain.event.TradingStateChanged.TradingHalted;
import io.cryptobot.risk.domain.event.TradingStateChanged.TradingReduced;
import io.cryptobot.risk.domain.event.TradingStateChanged.TradingResumed;
import org.junit.jupiter.api.Test;

class TradingStateTest {

    @Test
    void halting_active_trading_records_why_and_when() {
        TradingHalted halted = TradingState.ACTIVE.halt("operator: exchange outage", META).get();

        assertThat(halted.from()).isEqualTo(TradingState.ACTIVE);
        assertThat(halted.to()).isEqualTo(TradingState.HALTED);
        assertThat(halted.reason()).isEqualTo("operator: exchange outage");
        assertThat(halted.eventId()).isEqualTo(META.eventId());
        assertThat(halted.occurredAt()).isEqualTo(META.occurredAt());
    }

    @Test
    void a_halted_account_may_be_moved_to_reducing_and_then_resumed() {
        TradingReduced reduced = TradingState.HALTED.reduceOnly("unwind positions", META).get();
        TradingResumed resumed = TradingState.after(reduced).resume("positions unwound", META).get();

        assertThat(reduced.to()).isEqualTo(TradingState.REDUCING);
        assertThat(resumed.from()).isEqualTo(TradingState.REDUCING);
        assertThat(TradingState.after(resumed)).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void halting_a_halted_account_is_refused_as_a_no_op() {
        assertThat(TradingState.HALTED.halt("again", META).getLeft())
                .isEqualTo(new TransitionRefused(TradingState.HALTED, TradingState.HALTED, "trading is already halted"));
    }

    @Test
    void resuming_active_trading_and_reducing_a_reducing_account_are_refused() {
        assertThat(TradingState.ACTIVE.resume("why not", META).getLeft().reason()).isEqualTo("trading is already active");
        assertThat(TradingState.REDUCING.reduceOnly("again", META).getLeft().reason())
                .isEqualTo("trading is already reducing");
    }

    @Test
    void a_state_change_without_a_reason_is_refused() {
        assertThat(TradingState.ACTIVE.halt(" ", META).getLeft().reason())
                .isEqualTo("a reason is required to change the trading state");
    }
}
