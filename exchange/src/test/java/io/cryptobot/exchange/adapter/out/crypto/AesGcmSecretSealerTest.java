package io.cryptobot.exchange.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.exchange.domain.account.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest {
    static final byte[] KEY = new byte[32];
    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(KEY);

    @Test
    void a_sealed_secret_opens_to_the_same_text_and_holds_no_plain_bytes() {
        String plain = "s3cr3t-Xy9-very-private";
        SealedSecret sealed = sealer.seal(plain);
        assertThat(sealer.open(sealed)).isEqualTo(plain);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("private");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(plain.length() + 16);
        assertThat(sealed.toString()).doesNotContain(plain);
    }

    @Test
    void the_same_secret_seals_differently_each_time() {
        assertThat(sealer.seal("same-secret")).isNotEqualTo(sealer.seal("same-secret"));
    }

    @Test
    void a_tampered_ciphertext_or_another_key_does_not_open() {
        SealedSecret sealed = sealer.seal("secret-value");
        byte[] tampered = sealed.ciphertext();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> sealer.open(new SealedSecret(sealed.nonce(), tampered)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not authenticate");
        byte[] other = KEY.clone();
        other[31] ^= 1;
        assertThatThrownBy(() -> new AesGcmSecretSealer(other).open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_key_comes_from_configuration_and_must_be_256_bits() {
        String base64 = Base64.getEncoder().encodeToString(KEY);
        AesGcmSecretSealer configured = new AesGcmSecretSealer(Optional.of(base64), Optional.empty());
        assertThat(configured.open(sealer.seal("interchangeable"))).isEqualTo("interchangeable");
        assertThatThrownBy(() -> new AesGcmSecretSealer(new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new AesGcmSecretSealer(Optional.empty(), Optional.empty()))
                .hasMessageContaining("no secrets key");
    }
}
