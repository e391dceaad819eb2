package io.cryptobot.kernel.adapter.in.rest;

/** The role names access tokens carry, for {@code @RolesAllowed}. */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String TRADER = "trader";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
