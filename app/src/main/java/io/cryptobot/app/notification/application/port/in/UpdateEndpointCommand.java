package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.EndpointChange;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An owner changes an endpoint's name, URL, events or enabled state (enabling it again after failures). */
public record UpdateEndpointCommand(UserId owner, EndpointId id, EndpointChange change) {
    public UpdateEndpointCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(change, "change");
    }

    public static Either<DomainError, UpdateEndpointCommand> of(UserId owner, EndpointId id, String name, String url,
                                                                List<String> events, Boolean enabled) {
        List<Violation> violations = new ArrayList<>();
        if (name == null && url == null && events == null && enabled == null) {
            violations.add(new Violation("body", "must change name, url, events or enabled"));
        }
        Option<String> newName = name == null ? Option.none() : EndpointInputs.name(name, violations);
        var newUrl = url == null ? Option.<java.net.URI>none() : EndpointInputs.url(url, violations);
        var newEvents = events == null ? Option.<java.util.Set<io.cryptobot.app.notification.domain.EventKind>>none()
                : EndpointInputs.events(events, violations);
        if (!violations.isEmpty()) {
            return Either.left(NotificationErrors.invalid(violations));
        }
        return Either.right(new UpdateEndpointCommand(owner, id, new EndpointChange(newName, newUrl,
                newEvents.map(s -> s), Option.of(enabled))));
    }
}
