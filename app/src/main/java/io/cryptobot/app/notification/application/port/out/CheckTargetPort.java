package io.cryptobot.app.notification.application.port.out;

import io.vavr.control.Either;
import java.net.URI;

/** Whether a webhook may be sent to {@code url}'s host now (resolves it; see {@code TargetAddresses}). */
public interface CheckTargetPort {
    Either<String, URI> check(URI url);
}
