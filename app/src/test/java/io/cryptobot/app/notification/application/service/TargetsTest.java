package io.cryptobot.app.notification.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.notification.application.port.in.NotificationSettings;
import io.cryptobot.app.notification.domain.Backoff;
import io.cryptobot.app.notification.domain.Format;
import io.cryptobot.app.notification.domain.TargetAddresses;
import io.vavr.control.Try;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Where endpoints may point, with the admin's permission for internal addresses off (production) and on. */
class TargetsTest {
    private static Targets targets(boolean allowPrivate) {
        return new Targets(url -> Try.of(() -> Arrays.asList(InetAddress.getAllByName(url.getHost()))).toEither()
                .mapLeft(Throwable::getMessage).flatMap(TargetAddresses::check).map(ok -> url),
                new NotificationSettings(allowPrivate, 3, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)),
                        URI.create("https://hooks.slack.com/"), URI.create("https://discord.com/api/webhooks/"),
                        URI.create("https://api.telegram.org"), 20, 50));
    }

    @Test
    void internal_addresses_are_refused_unless_an_admin_allowed_them() {
        for (String url : new String[] {"http://127.0.0.1:8080/hook", "http://localhost/x",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/x", "http://10.0.0.5/x"}) {
            var refused = targets(false).allowed(Format.GENERIC, URI.create(url));
            assertThat(refused.isLeft()).as(url).isTrue();
            assertThat(refused.getLeft().code()).isEqualTo("notification.target_refused");
            assertThat(targets(true).allowed(Format.GENERIC, URI.create(url)).isRight()).as(url).isTrue();
        }
    }

    @Test
    void slack_and_discord_endpoints_must_be_under_their_configured_base() {
        assertThat(targets(false).allowed(Format.SLACK, URI.create("https://hooks.slack.com/services/T/B/x"))
                .isRight()).isTrue();
        assertThat(targets(false).allowed(Format.SLACK, URI.create("https://hooks.slack.com.evil.example/x"))
                .isLeft()).isTrue();
        assertThat(targets(false).allowed(Format.DISCORD, URI.create("http://127.0.0.1/api/webhooks/1/x"))
                .isLeft()).isTrue();
    }
}
