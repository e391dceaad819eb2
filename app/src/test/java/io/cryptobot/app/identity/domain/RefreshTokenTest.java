package io.cryptobot.app.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {
    private static final Instant LOGIN = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(14);

    private static RefreshSecret secret(int seed) {
        byte[] bytes = new byte[RefreshSecret.BYTES];
        bytes[0] = (byte) seed;
        return RefreshSecret.fromRandomBytes(bytes);
    }

    private static RefreshToken issued() {
        return RefreshToken.issueAtLogin(new RefreshTokenId(UUID.randomUUID()), UserId.of(UUID.randomUUID()),
                secret(1).hash(), new TokenFamilyId(UUID.randomUUID()), LOGIN, LIFETIME);
    }

    @Test
    void rotation_spends_the_token_and_gives_a_successor_in_the_same_family() {
        RefreshToken token = issued();
        Instant now = LOGIN.plus(Duration.ofHours(1));
        RefreshTokenId successorId = new RefreshTokenId(UUID.randomUUID());
        RefreshToken.Rotation rotation = token.rotate(successorId, secret(2).hash(), now, LIFETIME).get();

        assertThat(rotation.rotated().revokedAt().get()).isEqualTo(now);
        assertThat(rotation.rotated().replacedBy().get()).isEqualTo(successorId);
        assertThat(rotation.successor().family()).isEqualTo(token.family());
        assertThat(rotation.successor().userId()).isEqualTo(token.userId());
        assertThat(rotation.successor().expiresAt()).isEqualTo(now.plus(LIFETIME));
        assertThat(rotation.successor().checkExchangeable(now).isRight()).isTrue();
    }

    @Test
    void a_rotated_token_presented_again_is_reuse_of_its_family() {
        RefreshToken token = issued();
        RefreshToken rotated = token.rotate(new RefreshTokenId(UUID.randomUUID()), secret(2).hash(), LOGIN,
                LIFETIME).get().rotated();
        assertThat(rotated.checkExchangeable(LOGIN.plusSeconds(1)).getLeft())
                .isEqualTo(new RefreshRejection.Reused(token.family()));
    }

    @Test
    void a_revoked_token_is_refused_without_reuse_alarm() {
        RefreshToken token = issued();
        RefreshToken revoked = RefreshToken.reconstitute(token.id(), token.userId(), token.hash(), token.family(),
                token.expiresAt(), io.vavr.control.Option.some(LOGIN), io.vavr.control.Option.none(),
                token.createdAt());
        assertThat(revoked.checkExchangeable(LOGIN).getLeft()).isInstanceOf(RefreshRejection.Revoked.class);
    }

    @Test
    void a_token_is_exchangeable_until_just_before_it_expires() {
        RefreshToken token = issued();
        assertThat(token.checkExchangeable(LOGIN.plus(LIFETIME).minusMillis(1)).isRight()).isTrue();
        assertThat(token.checkExchangeable(LOGIN.plus(LIFETIME)).getLeft())
                .isInstanceOf(RefreshRejection.Expired.class);
    }

    @Test
    void the_secret_is_url_safe_and_only_its_hash_identifies_it() {
        RefreshSecret secret = secret(7);
        assertThat(secret.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(secret.hash()).isEqualTo(new RefreshSecret(secret.value()).hash());
        assertThat(secret.hash()).isNotEqualTo(secret(8).hash());
        assertThat(secret.toString()).doesNotContain(secret.value());
    }
}
