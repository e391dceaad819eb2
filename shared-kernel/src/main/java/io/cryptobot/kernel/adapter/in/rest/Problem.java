package io.cryptobot.kernel.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, plus the stable {@code code} clients switch on and, for invalid input,
 * every violation found; a refusal by a per-user limit names the {@code limit} and its value ({@code max}).
 * Never carries class names, stack traces or secrets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
                      String limit, Long max) {

    public Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {
        this(type, title, status, detail, code, errors, null, null);
    }

    public record FieldError(String field, String reason) {
    }
}
