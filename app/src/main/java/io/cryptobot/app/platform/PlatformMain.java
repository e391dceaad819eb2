package io.cryptobot.app.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.function.Function;

/**
 * Entry point of the packaged jar and of dev mode: claims the data directory, checks the HTTP port is free,
 * prepares the database and keys ({@link PlatformBootstrap}), hands them to Quarkus as system properties, then
 * starts it. A start that cannot succeed (directory in use, port taken) ends here with one line saying what to
 * do, before any server is started, rather than with stack traces after a misleading start.
 */
@QuarkusMain
public final class PlatformMain {
    static final int EXIT_REFUSED = 2;

    private PlatformMain() {
    }

    public static void main(String... args) {
        Function<String, Optional<String>> settings = PlatformBootstrap::systemSetting;
        try {
            PlatformBootstrap.lockDataDirectory(PlatformBootstrap.dataDirectory(settings));
            // dev mode restarts run this again while its own server still holds the port
            if (!PlatformBootstrap.devMode()) {
                ensurePortFree(settings);
            }
            PlatformBootstrap.prepare(settings).forEach(System::setProperty);
        } catch (PlatformBootstrap.StartRefused refused) {
            System.err.println("cryptobot not started: " + refused.getMessage());
            System.exit(EXIT_REFUSED);
        }
        Quarkus.run(args);
    }

    /**
     * Binds the configured address for a moment. Another process could still take the port before Quarkus binds
     * it, but the common case (another instance or program already listening) gets a clear answer.
     */
    static void ensurePortFree(Function<String, Optional<String>> settings) {
        String host = settings.apply("quarkus.http.host").orElse("127.0.0.1");
        int port = settings.apply("quarkus.http.port").map(Integer::parseInt).orElse(8080);
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException taken) {
            throw new PlatformBootstrap.StartRefused("port " + port + " on " + host + " is already in use (another"
                    + " cryptobot or another program). Stop it, or choose another port: QUARKUS_HTTP_PORT="
                    + (port + 1) + " bin/start");
        } catch (IOException other) {
            // not a busy port (an unknown host, say): Quarkus reports it with its own words
        }
    }
}
