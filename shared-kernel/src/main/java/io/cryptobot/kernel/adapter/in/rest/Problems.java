package io.cryptobot.kernel.adapter.in.rest;

import io.cryptobot.kernel.domain.DomainError;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The one mapping from {@link DomainError} kinds to HTTP responses, shared by every context's REST adapter. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:cryptobot:problem:";

    private Problems() {
    }

    public static Response response(DomainError error) {
        Response.ResponseBuilder builder = Response.status(status(error)).type(MEDIA_TYPE).entity(body(error));
        if (error instanceof DomainError.RateLimited limited) {
            builder.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        if (error instanceof DomainError.Unavailable unavailable) {
            builder.header("Retry-After", Long.toString(unavailable.retryAfterSeconds()));
        }
        if (error instanceof DomainError.Unauthenticated) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    public static Problem body(DomainError error) {
        int status = status(error);
        List<Problem.FieldError> errors = error instanceof DomainError.Invalid invalid
                ? invalid.violations().stream().map(v -> new Problem.FieldError(v.field(), v.reason())).toList()
                : null;
        return new Problem(TYPE_PREFIX + error.code(), title(status), status, error.detail(), error.code(), errors);
    }

    public static int status(DomainError error) {
        return switch (error) {
            case DomainError.NotFound ignored -> 404;
            case DomainError.Invalid ignored -> 400;
            case DomainError.Conflict ignored -> 409;
            case DomainError.Refused ignored -> 422;
            case DomainError.Unauthenticated ignored -> 401;
            case DomainError.Forbidden ignored -> 403;
            case DomainError.QuotaExceeded ignored -> 413;
            case DomainError.RateLimited ignored -> 429;
            case DomainError.Unavailable ignored -> 503;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
