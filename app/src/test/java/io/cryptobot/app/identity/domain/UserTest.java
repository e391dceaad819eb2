package io.cryptobot.app.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {
    private static final Instant REGISTERED = Instant.parse("2026-01-01T10:00:00.400Z");
    private static final UserId ADMIN = UserId.of(UUID.randomUUID());

    private static User trader() {
        return User.register(UserId.of(UUID.randomUUID()), new Email("ada@example.com"), Option.none(),
                new PasswordHash("$2a$10$hash"), REGISTERED);
    }

    private static UserChange role(Role role) {
        return new UserChange(Option.some(role), Option.none());
    }

    private static UserChange enabled(boolean enabled) {
        return new UserChange(Option.none(), Option.some(enabled));
    }

    @Test
    void a_new_account_is_an_enabled_trader() {
        User user = trader();
        assertThat(user.role()).isEqualTo(Role.TRADER);
        assertThat(user.enabled()).isTrue();
        assertThat(user.admitLogin().isRight()).isTrue();
    }

    @Test
    void accepts_a_token_issued_in_the_same_second_as_registration() {
        // JWT iat is whole seconds: 10:00:00 for a login at 10:00:00.700.
        assertThat(trader().admitAccessToken(Instant.parse("2026-01-01T10:00:00Z"), Set.of("trader")).isRight())
                .isTrue();
    }

    @Test
    void refuses_a_token_issued_before_sessions_were_ended() {
        assertThat(trader().admitAccessToken(Instant.parse("2026-01-01T09:59:59Z"), Set.of("trader")).getLeft()
                .code()).isEqualTo("identity.access_token.revoked");
    }

    @Test
    void refuses_a_token_whose_role_is_no_longer_the_accounts() {
        Instant later = REGISTERED.plusSeconds(60);
        User viewer = trader().change(role(Role.VIEWER), ADMIN, later).get();
        assertThat(viewer.tokensValidAfter()).isEqualTo(later);
        // Issued in the same second as the change: only the role mismatch catches it.
        Instant sameSecond = later.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(viewer.admitAccessToken(sameSecond, Set.of("trader")).isLeft()).isTrue();
        assertThat(viewer.admitAccessToken(sameSecond, Set.of("viewer")).isRight()).isTrue();
    }

    @Test
    void disabling_refuses_tokens_and_logins_and_ends_sessions() {
        Instant later = REGISTERED.plusSeconds(60);
        User before = trader();
        User disabled = before.change(enabled(false), ADMIN, later).get();
        assertThat(disabled.tokensValidAfter()).isEqualTo(later);
        assertThat(disabled.wasDisabledComparedTo(before)).isTrue();
        assertThat(disabled.admitLogin().getLeft().code()).isEqualTo("identity.credentials.invalid");
        assertThat(disabled.admitAccessToken(later.plusSeconds(5), Set.of("trader")).isLeft()).isTrue();
    }

    @Test
    void enabling_keeps_earlier_sessions_ended() {
        Instant disabledAt = REGISTERED.plusSeconds(60);
        User disabled = trader().change(enabled(false), ADMIN, disabledAt).get();
        User enabledAgain = disabled.change(enabled(true), ADMIN, disabledAt.plusSeconds(60)).get();
        assertThat(enabledAgain.tokensValidAfter()).isEqualTo(disabledAt);
        assertThat(enabledAgain.wasDisabledComparedTo(disabled)).isFalse();
    }

    @Test
    void an_unchanged_role_does_not_end_sessions() {
        User user = trader();
        assertThat(user.change(role(Role.TRADER), ADMIN, REGISTERED.plusSeconds(60)).get().tokensValidAfter())
                .isEqualTo(REGISTERED);
    }

    @Test
    void an_admin_cannot_lock_themself_out() {
        User admin = User.provision(ADMIN, new Email("root@example.com"), Option.none(),
                new PasswordHash("$2a$10$hash"), Role.ADMIN, REGISTERED);
        assertThat(admin.change(enabled(false), ADMIN, REGISTERED).getLeft().code())
                .isEqualTo("identity.user.self_lockout");
        assertThat(admin.change(role(Role.VIEWER), ADMIN, REGISTERED).isLeft()).isTrue();
        assertThat(admin.change(role(Role.ADMIN), ADMIN, REGISTERED).isRight()).isTrue();
    }

    @Test
    void higher_roles_include_the_lower_ones() {
        assertThat(Role.ADMIN.grantedRoles()).containsExactlyInAnyOrder("admin", "trader", "viewer");
        assertThat(Role.TRADER.grantedRoles()).containsExactlyInAnyOrder("trader", "viewer");
        assertThat(Role.VIEWER.grantedRoles()).containsExactly("viewer");
    }
}
