package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.NotificationSettings;
import io.cryptobot.app.notification.application.port.out.CheckTargetPort;
import io.cryptobot.app.notification.domain.Format;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Where an endpoint may point. A Slack or Discord endpoint must be under the service's configured base URL (the
 * admin chose it, so it is trusted); a generic one must not resolve to an internal address unless the admin
 * allowed those ({@code cryptobot.notifications.allow-private-targets}). Checked at creation, at a URL change and
 * again before every attempt (a name may resolve elsewhere later).
 */
@ApplicationScoped
class Targets {
    private final CheckTargetPort check;
    private final NotificationSettings settings;

    Targets(CheckTargetPort check, NotificationSettings settings) {
        this.check = check;
        this.settings = settings;
    }

    Either<DomainError, URI> allowed(Format format, URI url) {
        return switch (format) {
            case SLACK -> under(url, settings.slackBaseUrl(), "Slack");
            case DISCORD -> under(url, settings.discordBaseUrl(), "Discord");
            case TELEGRAM -> Either.right(settings.telegramBaseUrl());
            case GENERIC -> settings.allowPrivateTargets() ? Either.right(url)
                    : check.check(url).mapLeft(NotificationErrors::targetRefused);
        };
    }

    private static Either<DomainError, URI> under(URI url, URI base, String service) {
        String prefix = base.toString().endsWith("/") ? base.toString() : base + "/";
        return url.toString().startsWith(prefix) ? Either.right(url)
                : Either.left(NotificationErrors.invalid(java.util.List.of(new DomainError.Violation("url",
                "a " + service + " endpoint must be a webhook URL under " + prefix))));
    }
}
