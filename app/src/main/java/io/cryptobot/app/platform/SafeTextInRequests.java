package io.cryptobot.app.platform;

import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Text;
import io.vavr.control.Option;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The kernel {@link Text} policy for what a request carries outside its JSON body: the decoded path and every
 * query parameter (name and value), checked before an endpoint is chosen, so no endpoint can forget it and a
 * {@code %00} never reaches a parser's error message or a database filter. JSON bodies are covered by
 * {@link SafeTextInJson}.
 */
class SafeTextInRequests {
    static final String CODE = "request.unsafe_text";

    @ServerRequestFilter(preMatching = true)
    Optional<Response> refuseUnsafeText(ContainerRequestContext request) {
        Option<String> inPath = Text.refusal(request.getUriInfo().getPath(true));
        if (inPath.isDefined()) {
            return Optional.of(refused("path", inPath.get()));
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            Option<String> inName = Text.refusal(parameter.getKey());
            if (inName.isDefined()) {
                return Optional.of(refused("query", inName.get()));
            }
            for (String value : parameter.getValue()) {
                Option<String> inValue = Text.refusal(value);
                if (inValue.isDefined()) {
                    return Optional.of(refused(parameter.getKey(), inValue.get()));
                }
            }
        }
        return Optional.empty();
    }

    static Response refused(String field, String reason) {
        return Problems.response(DomainError.Invalid.of(CODE, "A text input holds a character that is not accepted.",
                new Violation(field, reason)));
    }
}
