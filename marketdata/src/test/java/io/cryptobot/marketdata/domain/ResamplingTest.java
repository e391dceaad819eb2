package io.cryptobot.marketdata.domain;

import static io.cryptobot.kernel.domain.Timeframe.D1;
import static io.cryptobot.kernel.domain.Timeframe.D3;
import static io.cryptobot.kernel.domain.Timeframe.H1;
import static io.cryptobot.kernel.domain.Timeframe.H12;
import static io.cryptobot.kernel.domain.Timeframe.H2;
import static io.cryptobot.kernel.domain.Timeframe.H4;
import static io.cryptobot.kernel.domain.Timeframe.H6;
import static io.cryptobot.kernel.domain.Timeframe.H8;
import static io.cryptobot.kernel.domain.Timeframe.M1;
import static io.cryptobot.kernel.domain.Timeframe.M15;
import static io.cryptobot.kernel.domain.Timeframe.M3;
import static io.cryptobot.kernel.domain.Timeframe.M30;
import static io.cryptobot.kernel.domain.Timeframe.M5;
import static io.cryptobot.kernel.domain.Timeframe.MO1;
import static io.cryptobot.kernel.domain.Timeframe.W1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ResamplingTest {

    @Test
    void coarser_timeframes_made_of_whole_finer_candles_are_derivable() {
        assertThat(Resampling.derivable(M1, M5)).isTrue();
        assertThat(Resampling.derivable(M1, H1)).isTrue();
        assertThat(Resampling.derivable(M3, H1)).isTrue();
        assertThat(Resampling.derivable(H4, H8)).isTrue();
        assertThat(Resampling.derivable(D1, W1)).isTrue();
        assertThat(Resampling.derivable(D1, D3)).isTrue();
        assertThat(Resampling.derivable(D1, MO1)).isTrue();
        assertThat(Resampling.derivable(H8, MO1)).isTrue();
    }

    @Test
    void finer_equal_or_overlapping_timeframes_are_not() {
        assertThat(Resampling.derivable(M5, M1)).isFalse();
        assertThat(Resampling.derivable(H1, H1)).isFalse();
        assertThat(Resampling.derivable(M3, M5)).isFalse();
        assertThat(Resampling.derivable(D3, W1)).as("7 days are no whole number of 3-day candles").isFalse();
        assertThat(Resampling.derivable(W1, MO1)).isFalse();
        assertThat(Resampling.derivable(D3, MO1)).isFalse();
        assertThat(Resampling.derivable(MO1, MO1)).isFalse();
    }

    @Test
    void a_venue_timeframe_is_fetched_as_it_is() {
        assertThat(Resampling.sourceFor(H1, Set.of(M1, H1, D1))).contains(H1);
    }

    @Test
    void a_missing_timeframe_is_fetched_at_the_coarsest_offered_one_it_derives_from() {
        Set<io.cryptobot.kernel.domain.Timeframe> okx = Set.of(M1, M3, M5, M15, M30, H1, H2, H4, H6, H12, D1, W1);

        assertThat(Resampling.sourceFor(H8, okx)).contains(H4);
        assertThat(Resampling.sourceFor(MO1, okx)).contains(D1);
        assertThat(Resampling.sourceFor(D3, okx)).contains(D1);
        assertThat(Resampling.sourceFor(H1, Set.of(M1, M5, M15))).contains(M15);
    }

    @Test
    void no_offered_timeframe_fitting_is_said_with_what_is_offered() {
        assertThat(Resampling.sourceFor(MO1, Set.of(W1, D3)).getLeft())
                .isEqualTo("the venue serves [3d, 1w], none of which 1M candles can be computed from exactly");
    }
}
