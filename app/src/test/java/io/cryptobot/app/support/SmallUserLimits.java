package io.cryptobot.app.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Per-user limits small enough to reach in a test (cryptobot.limits.*), shared by the limit tests so that Quarkus
 * starts once for all of them. Active backtests stay high enough for the fair-scheduling test to queue more runs
 * than there are workers.
 */
public class SmallUserLimits implements QuarkusTestProfile {
    public static final int BACKTESTS_ACTIVE = 40;
    public static final int SWEEPS_ACTIVE = 1;
    public static final int POINTS_PER_SWEEP = 6;
    public static final int STREAMS = 2;
    public static final int ACCOUNTS = 3;
    public static final int BOTS = 3;
    public static final int BOTS_RUNNING = 2;
    public static final int ORDERS_PER_MINUTE = 5;
    public static final int REPLAYS_RUNNING = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cryptobot.limits.backtests-active-per-user", Integer.toString(BACKTESTS_ACTIVE),
                "cryptobot.limits.sweeps-active-per-user", Integer.toString(SWEEPS_ACTIVE),
                "cryptobot.limits.points-per-sweep", Integer.toString(POINTS_PER_SWEEP),
                "cryptobot.limits.streams-per-user", Integer.toString(STREAMS),
                "cryptobot.limits.accounts-per-user", Integer.toString(ACCOUNTS),
                "cryptobot.limits.bots-per-user", Integer.toString(BOTS),
                "cryptobot.limits.bots-running-per-user", Integer.toString(BOTS_RUNNING),
                "cryptobot.limits.orders-per-minute-per-user", Integer.toString(ORDERS_PER_MINUTE),
                "cryptobot.limits.replays-running-per-user", Integer.toString(REPLAYS_RUNNING));
    }
}
