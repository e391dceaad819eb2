package io.cryptobot.app.identity.adapter.in.rest;

/** Body of refresh and logout. */
record RefreshTokenRequest(String refreshToken) {
    @Override
    public String toString() {
        return "RefreshTokenRequest[***]";
    }
}
