package io.cryptobot.bot.adapter.out.ratelimit;

import io.cryptobot.bot.application.port.out.OrderRatePort;
import io.cryptobot.bot.domain.bot.OrderRateWindow;
import io.cryptobot.kernel.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each user's {@link OrderRateWindow} in memory, changed under the map's lock for that user; a window with nothing
 * counted any more is dropped when it is next touched, so only users who placed orders in the last minute take
 * memory (60 slots each).
 */
@ApplicationScoped
class InProcessOrderRate implements OrderRatePort {
    private final ConcurrentHashMap<UserId, OrderRateWindow> windows = new ConcurrentHashMap<>();

    @Override
    public long takeOne(UserId owner, long max, Instant now) {
        long at = now.toEpochMilli();
        long[] wait = new long[1];
        windows.compute(owner, (user, window) -> {
            OrderRateWindow counted = window == null ? new OrderRateWindow() : window;
            long millis = counted.millisUntilBelow(max, at);
            if (millis == 0) {
                counted.add(at, 1);
            } else {
                wait[0] = Math.max(1, (millis + 999) / 1000);
            }
            return counted.isEmpty(at) ? null : counted;
        });
        return wait[0];
    }

    @Override
    public void giveBack(UserId owner, Instant takenAt) {
        windows.computeIfPresent(owner, (user, window) -> {
            window.remove(takenAt.toEpochMilli());
            return window;
        });
    }

    @Override
    public void add(UserId owner, int orders, Instant now) {
        if (orders == 0) {
            return;
        }
        windows.compute(owner, (user, window) -> {
            OrderRateWindow counted = window == null ? new OrderRateWindow() : window;
            counted.add(now.toEpochMilli(), orders);
            return counted;
        });
    }

    @Override
    public long millisUntilBelow(UserId owner, long max, Instant now) {
        long[] wait = new long[1];
        windows.computeIfPresent(owner, (user, window) -> {
            wait[0] = window.millisUntilBelow(max, now.toEpochMilli());
            return window.isEmpty(now.toEpochMilli()) ? null : window;
        });
        return wait[0];
    }
}
