package io.cryptobot.exchange.application.service;

import io.cryptobot.exchange.application.port.in.AskConnectionTestUseCase;
import io.cryptobot.exchange.application.port.in.TestConnectionUseCase;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the tests each user asks for in a sliding minute (the times of the last {@code max}, per user, in memory:
 * a restart forgets them, which only lets a few more through) and runs one only while fewer than the limit were
 * asked in the last 60 s. Refused requests are not counted, so a client that waits for Retry-After gets through.
 */
@ApplicationScoped
class AskConnectionTestService implements AskConnectionTestUseCase {
    static final long WINDOW_MILLIS = 60_000;
    private final TestConnectionUseCase tests;
    private final Limit limit;
    private final Clock clock;
    private final ConcurrentHashMap<UserId, ArrayDeque<Long>> asked = new ConcurrentHashMap<>();

    AskConnectionTestService(TestConnectionUseCase tests, UserLimits limits, Clock clock) {
        this.tests = tests;
        this.limit = limits.connectionTests();
        this.clock = clock;
    }

    @Override
    public Either<DomainError, ConnectionTest> ask(UserId caller, AccountId id) {
        long now = clock.now().toEpochMilli();
        ArrayDeque<Long> times = asked.computeIfAbsent(caller, user -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (!limit.admitsOneMore(times.size())) {
                long retryAfter = Math.max(1, (times.peekFirst() + WINDOW_MILLIS - now + 999) / 1000);
                return Either.left(limit.reached("exchange.connection_test.too_many", "you asked for "
                        + times.size() + " connection tests in the last 60 s; each asks the venue, whose request "
                        + "budget every user of this instance shares: try again in " + retryAfter + " s", retryAfter));
            }
            times.addLast(now);
        }
        return tests.test(caller, id);
    }
}
