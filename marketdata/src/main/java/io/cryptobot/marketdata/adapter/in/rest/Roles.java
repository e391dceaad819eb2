package io.cryptobot.marketdata.adapter.in.rest;

final class Roles {
    static final String VIEWER = "viewer";
    static final String TRADER = "trader";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
