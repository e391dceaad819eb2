package io.cryptobot.app.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged jar and of dev mode: prepares the database and keys
 * ({@link PlatformBootstrap}), hands them to Quarkus as system properties, then starts it.
 */
@QuarkusMain
public final class PlatformMain {
    private PlatformMain() {
    }

    public static void main(String... args) {
        PlatformBootstrap.prepare(PlatformBootstrap::systemSetting).forEach(System::setProperty);
        Quarkus.run(args);
    }
}
