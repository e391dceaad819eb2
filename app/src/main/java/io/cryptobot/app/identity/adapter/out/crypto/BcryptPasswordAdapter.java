package io.cryptobot.app.identity.adapter.out.crypto;

import io.cryptobot.app.identity.adapter.config.IdentityConfig;
import io.cryptobot.app.identity.application.port.out.HashPasswordPort;
import io.cryptobot.app.identity.domain.PasswordHash;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * bcrypt on a worker thread (a hash takes tens of milliseconds, far too long for the event loop); results come
 * back on the caller's Vert.x context, where the reactive database session lives.
 *
 * <p>bcrypt reads at most 72 bytes, but passwords may be up to 128 characters: the password is first reduced
 * to base64(SHA-256(password)), 44 ASCII characters, so every character counts and no NUL byte reaches bcrypt.
 */
@ApplicationScoped
class BcryptPasswordAdapter implements HashPasswordPort {
    private final int cost;
    private final Supplier<String> decoyHash;

    BcryptPasswordAdapter(IdentityConfig config) {
        this.cost = config.bcryptCost();
        this.decoyHash = memoize(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random), cost);
        });
    }

    @Override
    public Uni<PasswordHash> hash(PlainPassword password) {
        return VertxContextSupport.executeBlocking(
                () -> new PasswordHash(BcryptUtil.bcryptHash(prehash(password), cost)));
    }

    @Override
    public Uni<Boolean> matches(PlainPassword password, Option<PasswordHash> hash) {
        return VertxContextSupport.executeBlocking(() -> {
            if (hash.isEmpty() || !hash.get().value().startsWith("$2")) {
                // Same work as a real check, so timing does not reveal unknown or password-less accounts.
                BcryptUtil.matches(prehash(password), decoyHash.get());
                return false;
            }
            return BcryptUtil.matches(prehash(password), hash.get().value());
        });
    }

    private static String prehash(PlainPassword password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(password.value().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        result = value;
                        if (result == null) {
                            result = supplier.get();
                            value = result;
                        }
                    }
                }
                return result;
            }
        };
    }
}
