package io.cryptobot.app.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PlatformTestResource} for every test of the application. */
@QuarkusTestResource(PlatformTestResource.class)
public final class UsesPlatform {
    private UsesPlatform() {
    }
}
