package io.cryptobot.backtest.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError.Violation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
    static final long DAY = 86_400_000L;
    static final long MINUTE = 60_000L;

    @Test
    void windows_roll_by_the_out_of_sample_length_until_the_test_slice_would_pass_the_end() {
        WalkForward wf = WalkForward.checked(new WalkForward.Raw("P30D", "P10D", null), MINUTE, 0, 100 * DAY).get();
        assertThat(wf.step()).isEqualTo(10 * DAY);
        // s = 0, 10, ..., 60 days: the last ends at 60 + 30 + 10 = 100 days, exactly the end
        var windows = wf.windows(0, 100 * DAY);
        assertThat(windows).hasSize(7);
        assertThat(windows.get(0)).isEqualTo(new WalkForward.Window(0, 30 * DAY, 30 * DAY, 40 * DAY));
        assertThat(windows.get(6)).isEqualTo(new WalkForward.Window(60 * DAY, 90 * DAY, 90 * DAY, 100 * DAY));
        // one millisecond less and the last window no longer fits
        assertThat(wf.windows(0, 100 * DAY - 1)).hasSize(6);
    }

    @Test
    void an_explicit_step_and_millisecond_lengths() {
        WalkForward wf = WalkForward.checked(new WalkForward.Raw(String.valueOf(4 * DAY), "P2D", "P1D"), MINUTE, 0,
                8 * DAY).get();
        // s = 0, 1, 2 days (2 + 4 + 2 = 8)
        assertThat(wf.windows(0, 8 * DAY)).extracting(WalkForward.Window::inSampleFrom)
                .containsExactly(0L, DAY, 2 * DAY);
    }

    @Test
    void lengths_must_exceed_one_candle_and_the_range_must_hold_a_window() {
        var invalid = WalkForward.checked(new WalkForward.Raw("PT1M", "soon", "0"), MINUTE, 0, DAY);
        assertThat(invalid.getError()).extracting(Violation::field, Violation::reason).containsExactly(
                Tuple.tuple("walkForward.inSample", "must be longer than one candle (PT1M)"),
                Tuple.tuple("walkForward.outOfSample", "must be milliseconds or an ISO-8601 duration like P30D, got 'soon'"),
                Tuple.tuple("walkForward.step", "must be positive"));
        var tooShort = WalkForward.checked(new WalkForward.Raw("P1D", "P1D", null), MINUTE, 0, DAY);
        assertThat(tooShort.getError()).extracting(Violation::field).containsExactly("walkForward");
    }
}
