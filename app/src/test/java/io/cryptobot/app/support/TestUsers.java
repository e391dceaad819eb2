package io.cryptobot.app.support;

import io.smallrye.jwt.build.Jwt;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Test users for adapter tests of any context: inserts a real user row (so token checks that consult the
 * user store pass) and signs a real RS256 access token with the platform's key. Each call makes a new user,
 * so tests never share data.
 */
public final class TestUsers {
    private TestUsers() {
    }

    public record TestUser(UUID id, String email, String role, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    public static TestUser create(String role) {
        UUID id = UUID.randomUUID();
        String email = role + "-" + id + "@test.local";
        insert(id, email, role);
        return new TestUser(id, email, role, tokenFor(id, email, role));
    }

    /**
     * Signs an access token the way the platform does: subject and upn = user id, groups = role, and a session id
     * of its own (a session that was never ended; logout needs a real login, see the identity tests).
     */
    public static String tokenFor(UUID id, String email, String role) {
        return Jwt.issuer(config("mp.jwt.verify.issuer"))
                .subject(id.toString())
                .upn(id.toString())
                .claim("email", email)
                .claim("sid", UUID.randomUUID().toString())
                .groups(Set.of(role))
                .issuedAt(Instant.now().minusSeconds(1))
                .expiresIn(900)
                .sign();
    }

    private static void insert(UUID id, String email, String role) {
        String sql = "INSERT INTO identity.users (id, email, password_hash, role, tokens_valid_after) "
                + "VALUES (?, ?, 'not-a-login-user', ?, now() - interval '1 minute')";
        try (Connection connection = DriverManager.getConnection(config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"), ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.setString(2, email);
            statement.setString(3, role);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test user", e);
        }
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
