package io.cryptobot.app.identity.adapter.in.security;

import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token as {@link VerifiedTokenCache} keeps it: the parsed token, with its session claim ({@code sid})
 * read once. smallrye-jwt looks every claim name up in the {@code Claims} enum first and throws (and catches) an
 * exception for a name that is not there, such as {@code sid}: read on every request by
 * {@link AccountStateAugmentor}, that exception was a measurable part of a request's CPU. Everything else is the
 * parsed token's.
 */
final class VerifiedToken implements JsonWebToken {
    private final JsonWebToken token;
    private final Object session;

    VerifiedToken(JsonWebToken token) {
        this.token = token;
        this.session = token.getClaim(AccountStateAugmentor.SESSION_CLAIM);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        return AccountStateAugmentor.SESSION_CLAIM.equals(name) ? (T) session : token.getClaim(name);
    }

    @Override
    public <T> Optional<T> claim(String name) {
        return Optional.ofNullable(getClaim(name));
    }

    @Override
    public boolean containsClaim(String name) {
        return AccountStateAugmentor.SESSION_CLAIM.equals(name) ? session != null : token.containsClaim(name);
    }

    @Override
    public String getName() {
        return token.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    public String getRawToken() {
        return token.getRawToken();
    }

    @Override
    public String getIssuer() {
        return token.getIssuer();
    }

    @Override
    public Set<String> getAudience() {
        return token.getAudience();
    }

    @Override
    public String getSubject() {
        return token.getSubject();
    }

    @Override
    public String getTokenID() {
        return token.getTokenID();
    }

    @Override
    public long getExpirationTime() {
        return token.getExpirationTime();
    }

    @Override
    public long getIssuedAtTime() {
        return token.getIssuedAtTime();
    }

    @Override
    public Set<String> getGroups() {
        return token.getGroups();
    }

    @Override
    public boolean implies(Subject subject) {
        return token.implies(subject);
    }

    @Override
    public String toString() {
        return token.toString();
    }
}
