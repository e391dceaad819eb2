package io.cryptobot.app.notification.domain;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import java.util.List;

public final class NotificationErrors {
    private NotificationErrors() {
    }

    public static DomainError invalid(List<Violation> violations) {
        return new DomainError.Invalid("notification.invalid_input", "the request is invalid; errors[] names each field",
                List.copyOf(violations));
    }

    public static DomainError notFound() {
        return new DomainError.NotFound("notification.endpoint.not_found", "no such endpoint of the caller");
    }

    public static DomainError targetRefused(String why) {
        return new DomainError.Refused("notification.target_refused",
                "the endpoint's address is not allowed: " + why + " (internal addresses need an admin's permission)");
    }

    public static DomainError tooMany(int max) {
        return new DomainError.Conflict("notification.endpoint.too_many",
                "the caller already has " + max + " endpoints, the most allowed; remove one first");
    }

    public static DomainError alertNotFound() {
        return new DomainError.NotFound("notification.alert.not_found", "no such alert rule of the caller");
    }

    public static DomainError botNotFound() {
        return new DomainError.NotFound("notification.alert.bot_not_found", "no such bot of the caller");
    }

    public static DomainError tooManyAlerts(int max) {
        return new DomainError.Conflict("notification.alert.too_many",
                "the caller already has " + max + " alert rules, the most allowed; remove one first");
    }
}
