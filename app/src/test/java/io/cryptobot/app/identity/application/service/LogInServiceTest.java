package io.cryptobot.app.identity.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.identity.application.port.in.LogInCommand;
import io.cryptobot.app.identity.application.port.in.TokenPair;
import io.cryptobot.app.identity.application.port.out.HashPasswordPort;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.application.port.out.LoginAttemptsPort;
import io.cryptobot.app.identity.application.port.out.SaveRefreshTokenPort;
import io.cryptobot.app.identity.domain.AttemptWindow;
import io.cryptobot.app.identity.domain.Attempts;
import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.LoginThrottle;
import io.cryptobot.app.identity.domain.PasswordHash;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.cryptobot.app.identity.domain.RateLimit;
import io.cryptobot.app.identity.domain.RefreshSecret;
import io.cryptobot.app.identity.domain.RefreshToken;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.app.identity.domain.TokenLifetimes;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The login flow against in-memory fakes of its ports, on a clock the test moves. */
class LogInServiceTest {
    private static final String PASSWORD = "correct horse battery";
    private static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);

    private Instant now = Instant.parse("2026-06-01T09:00:00Z");
    private final Clock clock = () -> now;
    private final FakeUsers users = new FakeUsers();
    private final FakeRefreshTokens refreshTokens = new FakeRefreshTokens();
    private final LogInService service = new LogInService(users, new FakePasswords(), new FakeAttempts(clock),
            new LoginThrottle(new RateLimit(3, ACCOUNT_WINDOW), new RateLimit(100, Duration.ofMinutes(1))),
            new SessionIssuer((user, session, issuedAt, lifetime) -> user.id() + "@" + issuedAt.getEpochSecond(),
                    () -> RefreshSecret.fromRandomBytes(new byte[32]), refreshTokens,
                    new TokenLifetimes(Duration.ofMinutes(15), Duration.ofDays(14))),
            clock);

    private User registered(String email) {
        User user = User.register(UserId.of(UUID.randomUUID()), new Email(email), Option.none(),
                new PasswordHash("hashed:" + PASSWORD), now);
        users.byEmail.put(email, user);
        return user;
    }

    private Either<DomainError, TokenPair> logIn(String email, String password) {
        return service.logIn(LogInCommand.of(email, password, "192.0.2.10").get()).await().indefinitely();
    }

    @Test
    void a_login_starts_a_new_session_at_the_clocks_time() {
        User user = registered("ada@example.com");
        TokenPair pair = logIn("ada@example.com", PASSWORD).get();

        assertThat(pair.accessToken()).isEqualTo(user.id() + "@" + now.getEpochSecond());
        assertThat(pair.expiresInSeconds()).isEqualTo(900);
        assertThat(refreshTokens.stored).singleElement().satisfies(token -> {
            assertThat(token.userId()).isEqualTo(user.id());
            assertThat(token.hash()).isEqualTo(pair.refreshToken().hash());
            assertThat(token.expiresAt()).isEqualTo(now.plus(Duration.ofDays(14)));
        });
    }

    @Test
    void an_account_locked_by_failures_opens_again_when_the_window_ends() {
        registered("bob@example.com");
        for (int i = 0; i < 3; i++) {
            assertThat(logIn("bob@example.com", "wrong").getLeft().code()).isEqualTo("identity.credentials.invalid");
            now = now.plusSeconds(60);
        }
        DomainError locked = logIn("bob@example.com", PASSWORD).getLeft();
        assertThat(locked).isInstanceOf(DomainError.RateLimited.class);
        // The window started at the first failure, 3 minutes ago.
        assertThat(((DomainError.RateLimited) locked).retryAfterSeconds()).isEqualTo(12 * 60);
        assertThat(refreshTokens.stored).isEmpty();

        now = now.plus(Duration.ofMinutes(12));
        assertThat(logIn("bob@example.com", PASSWORD).isRight()).isTrue();
    }

    @Test
    void a_disabled_account_with_the_right_password_looks_like_a_wrong_password() {
        User user = registered("eve@example.com");
        users.byEmail.put("eve@example.com", User.reconstitute(user.id(), user.email(), Option.none(),
                user.passwordHash(), user.role(), false, user.tokensValidAfter(), user.createdAt()));
        assertThat(logIn("eve@example.com", PASSWORD).getLeft()).isEqualTo(logIn("nobody@example.com", PASSWORD)
                .getLeft());
    }

    private static final class FakeUsers implements LoadUserPort {
        final Map<String, User> byEmail = new HashMap<>();

        @Override
        public Uni<Option<User>> loadUser(UserId id) {
            return Uni.createFrom().item(Option.ofOptional(
                    byEmail.values().stream().filter(user -> user.id().equals(id)).findFirst()));
        }

        @Override
        public Uni<Option<User>> loadUserByEmail(Email email) {
            return Uni.createFrom().item(Option.of(byEmail.get(email.value())));
        }

        @Override
        public Uni<Page<User>> loadUsers(PageRequest page) {
            return Uni.createFrom().item(new Page<>(List.copyOf(byEmail.values()), 0, page.limit(), byEmail.size()));
        }
    }

    private static final class FakePasswords implements HashPasswordPort {
        @Override
        public Uni<PasswordHash> hash(PlainPassword password) {
            return Uni.createFrom().item(new PasswordHash("hashed:" + password.value()));
        }

        @Override
        public Uni<Boolean> matches(PlainPassword password, Option<PasswordHash> hash) {
            return Uni.createFrom().item(hash.exists(h -> h.value().equals("hashed:" + password.value())));
        }
    }

    private static final class FakeAttempts implements LoginAttemptsPort {
        private final Map<String, AttemptWindow> windows = new HashMap<>();
        private final Clock clock;

        FakeAttempts(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Uni<Attempts> countAttempt(String key, Duration window) {
            AttemptWindow counted = windows.merge(key, AttemptWindow.firstAt(clock.now()),
                    (current, first) -> current.counted(clock.now(), window));
            return Uni.createFrom().item(counted.attemptsAt(clock.now(), window));
        }

        @Override
        public Uni<Attempts> attempts(String key, Duration window) {
            AttemptWindow current = windows.get(key);
            return Uni.createFrom().item(current == null ? Attempts.NONE : current.attemptsAt(clock.now(), window));
        }

        @Override
        public Uni<Void> clearAttempts(String key) {
            windows.remove(key);
            return Uni.createFrom().voidItem();
        }
    }

    private static final class FakeRefreshTokens implements SaveRefreshTokenPort {
        final List<RefreshToken> stored = new ArrayList<>();

        @Override
        public Uni<Void> insertRefreshToken(RefreshToken token) {
            stored.add(token);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Boolean> markRotated(RefreshToken rotated) {
            throw new UnsupportedOperationException("login never rotates");
        }

        @Override
        public Uni<Integer> revokeFamily(TokenFamilyId family, Instant at) {
            throw new UnsupportedOperationException("login never revokes");
        }

        @Override
        public Uni<Integer> revokeAllOfUser(UserId user, Instant at) {
            throw new UnsupportedOperationException("login never revokes");
        }
    }
}
