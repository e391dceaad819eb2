package io.cryptobot.kernel.adapter.out.worker;

import io.cryptobot.kernel.domain.UserId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Tasks queued per owner, taken fairly: the next task is the oldest of the owner with the fewest tasks running,
 * and among those the owner served longest ago (one not served yet first, in order of arrival): round robin by
 * owner over their queued work. So a user whose tasks hold every worker gets the next free one only when nobody
 * else is waiting, and one user's long queue delays another's first task by at most the time until a worker frees
 * up. Used by {@link FairWorkers}.
 */
final class FairTaskQueue {
    private final Map<UserId, Owner> owners = new HashMap<>();
    private long turn;

    record Taken(UserId owner, Runnable task) {
    }

    private static final class Owner {
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private int running;
        private long lastTurn;

        Owner(long arrival) {
            // below every served owner's turn, in arrival order among the new
            this.lastTurn = Long.MIN_VALUE + arrival;
        }
    }

    synchronized void add(UserId owner, Runnable task) {
        owners.computeIfAbsent(owner, o -> new Owner(turn++)).waiting.add(task);
        notifyAll();
    }

    /** Waits for a task and marks it running; call {@link #done} once it has ended. */
    synchronized Taken take() throws InterruptedException {
        while (true) {
            UserId next = null;
            Owner chosen = null;
            for (Map.Entry<UserId, Owner> entry : owners.entrySet()) {
                Owner owner = entry.getValue();
                if (!owner.waiting.isEmpty() && (chosen == null || owner.running < chosen.running
                        || owner.running == chosen.running && owner.lastTurn < chosen.lastTurn)) {
                    next = entry.getKey();
                    chosen = owner;
                }
            }
            if (chosen != null) {
                chosen.running++;
                chosen.lastTurn = turn++;
                return new Taken(next, chosen.waiting.poll());
            }
            wait();
        }
    }

    synchronized void done(UserId owner) {
        Owner entry = owners.get(owner);
        entry.running--;
        if (entry.running == 0 && entry.waiting.isEmpty()) {
            owners.remove(owner);
        }
    }
}
