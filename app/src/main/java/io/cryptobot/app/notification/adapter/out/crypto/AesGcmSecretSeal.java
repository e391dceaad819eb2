package io.cryptobot.app.notification.adapter.out.crypto;

import io.cryptobot.app.notification.application.port.out.SecretSealPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * AES-256-GCM under the platform's secrets key ({@code cryptobot.secrets.key} or {@code .key-file}, as for venue
 * credentials), a fresh 96-bit nonce per value, and associated data of its own, so neither kind of sealed value
 * opens as the other. Stored as base64 of nonce followed by ciphertext and tag.
 */
@ApplicationScoped
class AesGcmSecretSeal implements SecretSealPort {
    private static final byte[] CONTEXT = "cryptobot.notification.secrets.v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    AesGcmSecretSeal(@ConfigProperty(name = "cryptobot.secrets.key") Optional<String> key,
                     @ConfigProperty(name = "cryptobot.secrets.key-file") Optional<String> keyFile) {
        this(Base64.getDecoder().decode(key.or(() -> keyFile.map(AesGcmSecretSeal::read)).orElseThrow(() ->
                new IllegalStateException("no secrets key: set cryptobot.secrets.key or cryptobot.secrets.key-file"))
                .strip()));
    }

    AesGcmSecretSeal(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the secrets key must be 32 bytes (AES-256), got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    @Override
    public String seal(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    @Override
    public String open(String sealed) {
        byte[] all = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed notification secret did not authenticate", e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets key file " + file, e);
        }
    }
}
