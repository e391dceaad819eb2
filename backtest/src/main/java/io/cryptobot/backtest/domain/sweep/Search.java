package io.cryptobot.backtest.domain.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Which grid points a sweep tries: all of them, or a seeded uniform sample. */
public sealed interface Search {

    /** Indices of the grid points to try, ascending, each at most once, for a grid of {@code gridSize} points. */
    List<Integer> indices(int gridSize);

    /** Every point of the grid, in grid order. */
    record Grid() implements Search {
        @Override
        public List<Integer> indices(int gridSize) {
            List<Integer> all = new ArrayList<>(gridSize);
            for (int i = 0; i < gridSize; i++) {
                all.add(i);
            }
            return all;
        }
    }

    /**
     * {@code samples} distinct grid points drawn uniformly with a {@link SplittableRandom} seeded with {@code seed}
     * (each draw {@code nextInt(gridSize)}, a point already drawn is drawn again), returned in grid order; the same
     * seed always gives the same points. If {@code samples >= gridSize}, the whole grid.
     */
    record Random(int samples, long seed) implements Search {
        public Random {
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be positive: " + samples);
            }
        }

        @Override
        public List<Integer> indices(int gridSize) {
            if (samples >= gridSize) {
                return new Grid().indices(gridSize);
            }
            SplittableRandom random = new SplittableRandom(seed);
            boolean[] taken = new boolean[gridSize];
            int[] chosen = new int[samples];
            int n = 0;
            while (n < samples) {
                int next = random.nextInt(gridSize);
                if (!taken[next]) {
                    taken[next] = true;
                    chosen[n++] = next;
                }
            }
            Arrays.sort(chosen);
            return Arrays.stream(chosen).boxed().toList();
        }
    }
}
