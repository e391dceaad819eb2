package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Text;
import io.vavr.control.Option;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The one parser of endpoint fields from text, shared by creation and change; violations are collected. */
final class EndpointInputs {
    static final int MAX_URL = 2_000;

    private EndpointInputs() {
    }

    static Option<String> name(String text, List<Violation> violations) {
        var checked = Text.name("name", text, Text.NAME_MAX);
        if (checked.isInvalid()) {
            violations.add(checked.getError());
            return Option.none();
        }
        return Option.some(checked.get());
    }

    static Option<URI> url(String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation("url", "is required"));
            return Option.none();
        }
        if (text.length() > MAX_URL) {
            violations.add(new Violation("url", "must be at most " + MAX_URL + " characters"));
            return Option.none();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                violations.add(new Violation("url", "must be an absolute http or https URL with a host"));
                return Option.none();
            }
            if (uri.getUserInfo() != null || uri.getFragment() != null) {
                violations.add(new Violation("url", "must not carry user info or a fragment"));
                return Option.none();
            }
            return Option.some(uri);
        } catch (java.net.URISyntaxException e) {
            violations.add(new Violation("url", "is not a valid URL"));
            return Option.none();
        }
    }

    static Option<Set<EventKind>> events(List<String> codes, List<Violation> violations) {
        if (codes == null || codes.isEmpty()) {
            violations.add(new Violation("events", "must name at least one of " + EventKind.codes()));
            return Option.none();
        }
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String code : codes) {
            Option<EventKind> kind = EventKind.parse(code);
            if (kind.isEmpty()) {
                violations.add(new Violation("events", "unknown event '" + Text.refusal(String.valueOf(code))
                        .map(r -> "?").getOrElse(String.valueOf(code)) + "'; known: " + EventKind.codes()));
                return Option.none();
            }
            kinds.add(kind.get());
        }
        return Option.some(kinds);
    }
}
