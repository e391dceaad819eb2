package io.cryptobot.app.notification.adapter.out.http;

import io.cryptobot.app.notification.application.port.out.CheckTargetPort;
import io.cryptobot.app.notification.domain.TargetAddresses;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Resolves the URL's host and applies {@link TargetAddresses}; a literal address is checked as it is. */
@ApplicationScoped
class DnsTargetCheck implements CheckTargetPort {
    @Override
    public Either<String, URI> check(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Either.left("the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return TargetAddresses.check(Arrays.asList(InetAddress.getAllByName(bare))).map(ok -> url);
        } catch (UnknownHostException e) {
            return Either.left("the host " + host + " does not resolve");
        }
    }
}
