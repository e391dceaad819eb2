package io.cryptobot.app.identity.adapter.in.rest;

import io.cryptobot.app.identity.application.port.in.TokenPair;

record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
    static TokenResponse from(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), "Bearer", pair.expiresInSeconds(), pair.refreshToken().value());
    }

    @Override
    public String toString() {
        return "TokenResponse[***]";
    }
}
