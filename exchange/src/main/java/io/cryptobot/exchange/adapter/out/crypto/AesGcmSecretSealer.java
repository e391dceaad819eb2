package io.cryptobot.exchange.adapter.out.crypto;

import io.cryptobot.exchange.application.port.out.SealSecretPort;
import io.cryptobot.exchange.domain.account.SealedSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * AES-256-GCM with a fresh random 96-bit nonce per secret and a 128-bit tag; the associated data binds each
 * ciphertext to this use, so a value sealed for something else does not open here. The key is
 * {@code cryptobot.secrets.key} (base64, 32 bytes) or the file {@code cryptobot.secrets.key-file}, which the
 * platform generates at first start in the data directory (owner-only permissions).
 */
@ApplicationScoped
class AesGcmSecretSealer implements SealSecretPort {
    private static final byte[] CONTEXT = "cryptobot.exchange.credentials.v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    AesGcmSecretSealer(@ConfigProperty(name = "cryptobot.secrets.key") Optional<String> key,
                       @ConfigProperty(name = "cryptobot.secrets.key-file") Optional<String> keyFile) {
        this(decode(key.or(() -> keyFile.map(AesGcmSecretSealer::read)).orElseThrow(() -> new IllegalStateException(
                "no secrets key: set cryptobot.secrets.key (base64 of 32 bytes) or cryptobot.secrets.key-file"))));
    }

    AesGcmSecretSealer(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the secrets key must be 32 bytes (AES-256), got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    @Override
    public SealedSecret seal(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            return new SealedSecret(nonce, cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    @Override
    public String open(SealedSecret sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret did not authenticate (wrong key or tampered)", e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets key file " + file, e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secrets key is not valid base64");
        }
    }
}
