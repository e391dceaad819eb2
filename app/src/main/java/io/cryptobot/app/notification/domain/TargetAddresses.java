package io.cryptobot.app.notification.domain;

import io.vavr.control.Either;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Which addresses a webhook may be sent to (server-side request forgery): none of the platform's own or internal
 * ones: loopback, unspecified, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the
 * cloud metadata address, fe80::/10), carrier-grade NAT (100.64/10), multicast, and IPv4 inside IPv6. Every address
 * a name resolves to must pass, so a name cannot smuggle one internal address among public ones.
 */
public final class TargetAddresses {
    private TargetAddresses() {
    }

    /** The first refused address with why, or the addresses. */
    public static Either<String, List<InetAddress>> check(List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Either.left("the host resolves to no address");
        }
        for (InetAddress address : addresses) {
            String why = refusal(address);
            if (why != null) {
                return Either.left("the host resolves to " + address.getHostAddress() + ", " + why);
            }
        }
        return Either.right(List.copyOf(addresses));
    }

    private static String refusal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (a.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address (cloud metadata lives there)";
        }
        if (a.isSiteLocalAddress()) {
            return "a private address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second < 128) {
                return "a shared (carrier-grade NAT) address";
            }
            if (first == 0 || first >= 240) {
                return "a reserved address";
            }
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique local) address";
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || b[10] == 0 && b[11] == 0)) {
                return "an IPv4 address inside IPv6";
            }
        }
        return null;
    }
}
