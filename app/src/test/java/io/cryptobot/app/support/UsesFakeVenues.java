package io.cryptobot.app.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link FakeVenuesTestResource} for every test of the application (one configuration, no restarts). */
@QuarkusTestResource(FakeVenuesTestResource.class)
public final class UsesFakeVenues {
    private UsesFakeVenues() {
    }
}
