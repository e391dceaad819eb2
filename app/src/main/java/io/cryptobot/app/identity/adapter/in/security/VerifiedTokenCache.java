package io.cryptobot.app.identity.adapter.in.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers access tokens that passed full verification (RS256 signature, issuer, expiry), so a client's next
 * requests with the same token skip the RSA check, the largest fixed cost of an authenticated request. A hit is
 * used only while the token is unexpired; revocation (logout, disabled account, changed role) is unaffected,
 * since {@link AccountStateAugmentor} checks the account on every request, cached or not. Bounded: the cache
 * is emptied when it reaches {@link #MAX_TOKENS}. A token is kept as a {@link VerifiedToken} (its session claim
 * read once).
 */
@Alternative
@Priority(1)
@ApplicationScoped
class VerifiedTokenCache implements JWTParser {
    static final int MAX_TOKENS = 50_000;
    private final DefaultJWTParser parser;
    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(DefaultJWTParser parser) {
        this.parser = parser;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = fresh(token);
        return known != null ? known : remember(token, parser.parse(token));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        JsonWebToken known = fresh(token);
        return known != null ? known : remember(token, parser.parse(token, context));
    }

    private JsonWebToken fresh(String token) {
        JsonWebToken known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (known.getExpirationTime() <= System.currentTimeMillis() / 1000) {
            verified.remove(token);
            return null;
        }
        return known;
    }

    private JsonWebToken remember(String token, JsonWebToken jwt) {
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        JsonWebToken kept = new VerifiedToken(jwt);
        verified.put(token, kept);
        return kept;
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
