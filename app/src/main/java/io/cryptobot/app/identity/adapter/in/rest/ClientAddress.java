package io.cryptobot.app.identity.adapter.in.rest;

/**
 * The address a request is rate-limited under. X-Forwarded-For is client-controlled unless a proxy we run
 * sets it, so it is used only when configured; then its last entry counts, the one our proxy appended.
 */
final class ClientAddress {
    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    static String resolve(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (!hop.isEmpty()) {
                    return hop;
                }
            }
        }
        return remoteAddress == null || remoteAddress.isBlank() ? UNKNOWN : remoteAddress;
    }
}
