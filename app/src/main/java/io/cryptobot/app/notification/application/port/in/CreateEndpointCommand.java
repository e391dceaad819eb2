package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.EndpointSpec;
import io.cryptobot.app.notification.domain.Format;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An owner creates an endpoint. Telegram endpoints name a bot token and a chat id (the calls go to the configured
 * Telegram base URL); every other format names its URL.
 */
public record CreateEndpointCommand(UserId owner, EndpointSpec spec) {
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");
    private static final java.util.regex.Pattern CHAT = java.util.regex.Pattern.compile("-?[0-9]{1,20}|@[A-Za-z0-9_]{4,64}");

    public CreateEndpointCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(spec, "spec");
    }

    public static Either<DomainError, CreateEndpointCommand> of(UserId owner, String name, String format, String url,
                                                                List<String> events, String botToken,
                                                                String chatId) {
        List<Violation> violations = new ArrayList<>();
        Option<String> checkedName = EndpointInputs.name(name, violations);
        Option<Format> checkedFormat = Format.parse(format);
        if (checkedFormat.isEmpty()) {
            violations.add(new Violation("format", "must be one of generic, slack, discord, telegram"));
        }
        Option<URI> checkedUrl = Option.none();
        Option<String> token = Option.none();
        Option<String> chat = Option.none();
        if (checkedFormat.contains(Format.TELEGRAM)) {
            if (url != null) {
                violations.add(new Violation("url", "a Telegram endpoint has no URL: it names botToken and chatId"));
            }
            if (botToken == null || !TOKEN.matcher(botToken.strip()).matches()) {
                violations.add(new Violation("botToken", "must be a bot token (digits, a colon, then 20 to 100 "
                        + "letters, digits, - or _)"));
            } else {
                token = Option.some(botToken.strip());
            }
            if (chatId == null || !CHAT.matcher(chatId.strip()).matches()) {
                violations.add(new Violation("chatId", "must be a numeric chat id or an @channel name"));
            } else {
                chat = Option.some(chatId.strip());
            }
        } else if (checkedFormat.isDefined()) {
            checkedUrl = EndpointInputs.url(url, violations);
            if (botToken != null || chatId != null) {
                violations.add(new Violation("botToken", "only a Telegram endpoint has botToken and chatId"));
            }
        }
        Option<java.util.Set<io.cryptobot.app.notification.domain.EventKind>> kinds =
                EndpointInputs.events(events, violations);
        if (!violations.isEmpty()) {
            return Either.left(NotificationErrors.invalid(violations));
        }
        return Either.right(new CreateEndpointCommand(owner, new EndpointSpec(checkedName.get(), checkedFormat.get(),
                checkedUrl, chat, token, kinds.get())));
    }
}
