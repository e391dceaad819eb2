package io.cryptobot.app.platform;

import io.cryptobot.kernel.adapter.in.rest.Problem;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.vertx.core.MultiMap;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 414 and 431 with a problem+json body. Vert.x refuses a too long request line or header block inside its HTTP
 * decoder, with an empty body, and Quarkus offers no hook there (Vert.x's {@code invalidRequestHandler} is not
 * reachable). So the decoder's limits are set well above ours ({@code quarkus.http.limits.max-initial-line-length}
 * and {@code max-header-size}, 64 KiB) and this first route answers requests over our limits
 * ({@code cryptobot.http.max-uri-length}, {@code cryptobot.http.max-header-size}) with a body. Only a request over
 * the decoder's own limits still gets Vert.x's bare answer.
 */
@ApplicationScoped
class RequestSizeLimits {
    private final int maxUriLength;
    private final int maxHeaderSize;

    RequestSizeLimits(@ConfigProperty(name = "cryptobot.http.max-uri-length", defaultValue = "8192") int maxUriLength,
                      @ConfigProperty(name = "cryptobot.http.max-header-size", defaultValue = "20480")
                      int maxHeaderSize) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (context.request().uri().length() > maxUriLength) {
            refuse(context, 414, "request.uri_too_long", "URI Too Long",
                    "The request URI is longer than " + maxUriLength + " characters.");
        } else if (headerSize(context.request().headers()) > maxHeaderSize) {
            refuse(context, 431, "request.headers_too_large", "Request Header Fields Too Large",
                    "The request headers are larger than " + maxHeaderSize + " bytes.");
        } else {
            context.next();
        }
    }

    private static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;   // ": " and CRLF
        }
        return size;
    }

    private static void refuse(RoutingContext context, int status, String code, String title, String detail) {
        Problem body = new Problem("urn:cryptobot:problem:" + code, title, status, detail, code, null);
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(Json.encode(body));
    }
}
