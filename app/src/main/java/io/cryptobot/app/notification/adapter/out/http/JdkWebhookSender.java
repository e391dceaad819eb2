package io.cryptobot.app.notification.adapter.out.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.app.notification.adapter.config.NotificationConfig;
import io.cryptobot.app.notification.application.port.out.SendNotificationPort;
import io.cryptobot.app.notification.domain.AttemptOutcome;
import io.cryptobot.app.notification.domain.Delivery;
import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.Format;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.vavr.control.Option;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts a delivery with the JDK's HTTP client (no redirects followed, so a receiver cannot bounce a delivery to an
 * internal address), bounded by {@code attempt-timeout}; the answer's body is discarded. Headers:
 * {@code X-Cryptobot-Delivery} (the id to dedupe on), {@code X-Cryptobot-Event}, {@code X-Cryptobot-Signature}.
 * A Telegram endpoint's call goes to {@code <telegram-base-url>/bot<token>/sendMessage}; the token never appears in
 * an outcome.
 */
@ApplicationScoped
class JdkWebhookSender implements SendNotificationPort {
    static final String DELIVERY_HEADER = "X-Cryptobot-Delivery";
    static final String EVENT_HEADER = "X-Cryptobot-Event";
    private final ObjectMapper json;
    private final Duration timeout;
    private final URI telegramBase;
    private final HttpClient client;

    JdkWebhookSender(ObjectMapper json, NotificationConfig config) {
        this.json = json;
        this.timeout = config.attemptTimeout();
        String base = config.telegramBaseUrl();
        this.telegramBase = URI.create(base.endsWith("/") ? base : base + "/");
        this.client = AppThreads.httpClient("webhook-http-").connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public AttemptOutcome send(Endpoint endpoint, String signingSecret, Option<String> botToken, Delivery delivery) {
        String body = Payloads.body(json, endpoint, delivery);
        long timestamp = System.currentTimeMillis() / 1000;
        URI target = endpoint.format() == Format.TELEGRAM
                // appended, not resolved: a token's colon would read as a URI scheme ("bot123:abc")
                ? URI.create(telegramBase + "bot" + botToken.getOrElseThrow(() ->
                        new IllegalStateException("a Telegram endpoint without its token")) + "/sendMessage")
                : endpoint.url().get();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "cryptobot-notifications/1")
                .header(DELIVERY_HEADER, delivery.id().toString())
                .header(EVENT_HEADER, delivery.notification().kind().code())
                .header(WebhookSignature.HEADER, WebhookSignature.header(signingSecret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return AttemptOutcome.ofStatus(response.statusCode());
        } catch (HttpTimeoutException e) {
            return new AttemptOutcome.Retryable(Option.none(), "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new AttemptOutcome.Retryable(Option.none(), "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttemptOutcome.Retryable(Option.none(), "interrupted (shutting down)");
        }
    }
}
