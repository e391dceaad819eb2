package io.cryptobot.app.identity.domain;

import io.vavr.control.Option;
import java.util.Locale;
import java.util.Set;

/**
 * What a user may do. Roles are ordered: an admin may do everything a trader may, a trader everything a
 * viewer may, so endpoints name the least role they need ({@code viewer} to read, {@code trader} to trade).
 */
public enum Role {
    VIEWER, TRADER, ADMIN;

    /** The lower-case name used in tokens, the database and the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role it includes; these become the caller's security roles. */
    public Set<String> grantedRoles() {
        return switch (this) {
            case VIEWER -> Set.of("viewer");
            case TRADER -> Set.of("viewer", "trader");
            case ADMIN -> Set.of("viewer", "trader", "admin");
        };
    }

    public static Option<Role> parse(String code) {
        if (code == null) {
            return Option.none();
        }
        for (Role role : values()) {
            if (role.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Option.some(role);
            }
        }
        return Option.none();
    }
}
