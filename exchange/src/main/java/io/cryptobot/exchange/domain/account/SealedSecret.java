package io.cryptobot.exchange.domain.account;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret as it is stored: AES-GCM ciphertext (tag included) and its 12-byte nonce, never the plain text. Its
 * string form says nothing about the content.
 */
public record SealedSecret(byte[] nonce, byte[] ciphertext) {
    public SealedSecret {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedSecret[" + ciphertext.length + " bytes]";
    }
}
