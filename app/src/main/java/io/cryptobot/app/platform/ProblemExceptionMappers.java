package io.cryptobot.app.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.cryptobot.kernel.adapter.in.rest.Problem;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import io.cryptobot.kernel.adapter.out.persistence.DatabaseFaults;
import io.vavr.control.Option;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the framework raises becomes RFC 9457 problem+json with a stable code, like the domain errors
 * mapped by {@link Problems}. Bodies never carry exception messages from libraries, class names or stack traces:
 * those may reveal internals, so they go to the log only.
 */
class ProblemExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    private static final String TYPE_PREFIX = "urn:cryptobot:problem:";
    private final DatabaseOutage outage;

    ProblemExceptionMappers(DatabaseOutage outage) {
        this.outage = outage;
    }

    @ServerExceptionMapper
    Response unauthenticated(AuthenticationFailedException failure) {
        return unavailable(failure).orElseGet(ProblemExceptionMappers::unauthenticated);
    }

    @ServerExceptionMapper
    Response unauthenticated(UnauthorizedException failure) {
        return unavailable(failure).orElseGet(ProblemExceptionMappers::unauthenticated);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException failure) {
        return problem(403, "auth.forbidden", "Your role does not allow this action.", null).build();
    }

    @ServerExceptionMapper
    Response malformedJson(JsonProcessingException failure) {
        return malformedBody(failure);
    }

    @ServerExceptionMapper
    Response mismatchedJson(MismatchedInputException failure) {
        return malformedBody(failure);
    }

    @ServerExceptionMapper
    Response badRequest(BadRequestException failure) {
        return unreadableRequest(failure);
    }

    @ServerExceptionMapper
    Response unreadable(ProcessingException failure) {
        return problem(400, "request.malformed", "The request could not be read.", null).build();
    }

    /**
     * A multipart body cut short, or not multipart at all, under a multipart content type: RESTEasy's parser throws a
     * plain IOException before any resource runs. Other IOExceptions stay unexpected.
     */
    @ServerExceptionMapper
    Response unreadableMultipart(IOException failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        if (frames.length > 0 && frames[0].getClassName().contains(".multipart.")) {
            return problem(400, "request.malformed", "The multipart body could not be read.", null).build();
        }
        return unexpected(failure);
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException failure) {
        return problem(404, "request.not_found", "There is nothing at this path.", null).build();
    }

    @ServerExceptionMapper
    Response notAllowed(NotAllowedException failure) {
        Response.ResponseBuilder builder = problem(405, "request.method_not_allowed",
                "This path does not support the method.", null);
        String allow = failure.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    Response notSupported(NotSupportedException failure) {
        return problem(415, "request.unsupported_media_type", "This media type is not supported here.", null)
                .build();
    }

    /** Other client errors the framework signals (406, 413, ...), keeping their status; redirects pass as they are. */
    @ServerExceptionMapper
    Response webApplication(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (status < 400) {
            return failure.getResponse();
        }
        if (status >= 500) {
            return unexpected(failure);
        }
        if (status == 400) {
            return unreadableRequest(failure);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "The request was refused." : known.getReasonPhrase() + ".";
        return problem(status, "request.http_" + status, reason, null).build();
    }

    /** Last resort: a bug or an infrastructure failure. The incident id links the client's report to the log. */
    @ServerExceptionMapper
    Response unexpected(Throwable failure) {
        Optional<Response> unavailable = unavailable(failure);
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        String incident = UUID.randomUUID().toString();
        if (DatabaseFaults.isUnstorableText(failure)) {
            LOG.warnf(failure, "Text refused by PostgreSQL escaped the input policy, incident %s", incident);
            return SafeTextInRequests.refused("body", "holds a character that cannot be stored");
        }
        LOG.errorf(failure, "Unexpected error, incident %s", incident);
        return problem(500, "server.unexpected",
                "Something went wrong on our side. Quote incident " + incident + " when reporting it.", null)
                .header("X-Incident-Id", incident)
                .build();
    }

    /**
     * A failure because PostgreSQL cannot be reached (also while checking a token's account) is a 503 with
     * Retry-After, counted by the outage monitor, which logs the outage once instead of once per request.
     */
    private Optional<Response> unavailable(Throwable failure) {
        Option<String> cause = DatabaseFaults.unreachable(failure);
        if (cause.isEmpty()) {
            return Optional.empty();
        }
        outage.refused(cause.get());
        return Optional.of(Problems.response(DatabaseFaults.UNAVAILABLE));
    }

    private static Response unauthenticated() {
        return problem(401, "auth.unauthenticated", "A valid access token is required.", null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** The framework reports unparsable JSON as a plain 400 whose cause is the parser's exception. */
    private static Response unreadableRequest(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedBody(json);
            }
        }
        return problem(400, "request.malformed", "The request could not be read.", null).build();
    }

    private static Response malformedBody(JsonProcessingException failure) {
        if (failure instanceof SafeTextInJson.UnsafeText unsafe) {
            return SafeTextInRequests.refused(unsafe.getPath().isEmpty() ? "body" : path(unsafe), unsafe.reason);
        }
        List<Problem.FieldError> errors = null;
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            errors = List.of(new Problem.FieldError(path(mapping), "has the wrong type or format"));
        }
        return problem(400, "request.malformed", "The request body is not valid JSON of the expected shape.",
                errors).build();
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static Response.ResponseBuilder problem(int status, String code, String detail,
                                                    List<Problem.FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(new Problem(TYPE_PREFIX + code, title, status, detail, code, errors));
    }
}
