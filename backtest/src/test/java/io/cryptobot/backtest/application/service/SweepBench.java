package io.cryptobot.backtest.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.engine.Bars;
import io.cryptobot.backtest.domain.sweep.ParameterSpace;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sweep throughput and parallel efficiency (not a timed test; run with {@code -Pbench}): 16 sma_crossover points
 * over {@code bench.candles} (default 500,000) one-minute candles of a seeded random walk held once in memory,
 * on 1 thread and on 2 threads after a warm-up round, best of {@code bench.sweep.rounds} (3) alternating rounds; prints wall times, points/s and t1 / (2 × t2).
 */
class SweepBench {

    @Test
    void sweep_on_one_and_two_threads() {
        int candles = Integer.getInteger("bench.sweep.candles", 500_000);
        Bars bars = SweepExecutionTest.synthetic(candles, 42);
        long minute = SweepExecutionTest.MINUTE;
        BacktestConfig.Raw base = new BacktestConfig.Raw("sma_crossover", Map.of(),
                List.of(SweepExecutionTest.BTC.toString()), "1m", String.valueOf(200 * minute),
                String.valueOf(candles * minute), "10000", "0.001", "0.001", "0", null, null, null, null, null);
        Map<String, ParameterSpace.Raw> space = new LinkedHashMap<>();
        space.put("fast", new ParameterSpace.Raw(List.of("5", "10", "15", "20"), null, null, null));
        space.put("slow", new ParameterSpace.Raw(List.of("30", "60", "90", "120"), null, null, null));
        SweepSpec spec = SweepSpec.checked(new SweepSpec.Raw("grid", base, space, null, null, "sharpe", null)).get();
        int points = spec.plan().points().size();

        SweepExecutionTest.run(spec, bars, 2);
        SweepExecutionTest.run(spec, bars, 1);
        // alternating rounds, best of each: the cores are shared with other processes
        int rounds = Integer.getInteger("bench.sweep.rounds", 3);
        double t1 = Double.MAX_VALUE;
        double t2 = Double.MAX_VALUE;
        double cpu1 = 0;
        double cpu2 = 0;
        SweepResult one = null;
        SweepResult two = null;
        for (int round = 0; round < rounds; round++) {
            long cpu = cpuNanos();
            long start = System.nanoTime();
            one = SweepExecutionTest.run(spec, bars, 1);
            t1 = Math.min(t1, (System.nanoTime() - start) / 1e9);
            cpu1 += (cpuNanos() - cpu) / 1e9 / rounds;
            cpu = cpuNanos();
            start = System.nanoTime();
            two = SweepExecutionTest.run(spec, bars, 2);
            t2 = Math.min(t2, (System.nanoTime() - start) / 1e9);
            cpu2 += (cpuNanos() - cpu) / 1e9 / rounds;
        }
        assertThat(two).isEqualTo(one);

        System.out.printf("SweepBench: %d points x %,d candles, %d cores available, load average %.2f, best of %d%n",
                points, candles, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rounds);
        System.out.printf("SweepBench: 1 thread  %.3f s, %.2f points/s, %,.0f candles/s%n", t1, points / t1,
                points * (double) candles / t1);
        System.out.printf("SweepBench: 2 threads %.3f s, %.2f points/s, %,.0f candles/s%n", t2, points / t2,
                points * (double) candles / t2);
        System.out.printf("SweepBench: parallel efficiency t1 / (2 x t2) = %.3f%n", t1 / (2 * t2));
        // process CPU per round (GC and JIT included): equal figures mean the second thread adds no work, so a
        // shortfall in efficiency is cores taken by other processes, not contention in the sweep
        System.out.printf("SweepBench: process CPU per round: 1 thread %.3f s, 2 threads %.3f s%n", cpu1, cpu2);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
