package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CrossTest {

    private static int[] crosses(double... differences) {
        Cross cross = new Cross();
        return Arrays.stream(differences).mapToInt(cross::update).toArray();
    }

    @Test
    void aChangeOfSignIsACrossOnTheValueThatChangesIt() {
        assertThat(crosses(-1, 2, 3, -0.5, -4)).containsExactly(0, Cross.UP, 0, Cross.DOWN, 0);
    }

    @Test
    void aZeroCarriesThePreviousSideSoTouchingAndReturningIsNoCross() {
        assertThat(crosses(1, 0, 1)).containsExactly(0, 0, 0);
        assertThat(crosses(-1, 0, 0, -1)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void passingThroughZeroCrossesOnTheFirstValueOnTheOtherSide() {
        assertThat(crosses(-1, 0, 1)).containsExactly(0, 0, Cross.UP);
        assertThat(crosses(1, 0, 0, -1)).containsExactly(0, 0, 0, Cross.DOWN);
    }

    @Test
    void theFirstNonZeroValueOnlySetsTheSideEvenAfterLeadingZeros() {
        assertThat(crosses(1)).containsExactly(0);
        assertThat(crosses(0, 0, 1, -1)).containsExactly(0, 0, 0, Cross.DOWN);
    }
}
