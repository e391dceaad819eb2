package io.cryptobot.app.identity.adapter.in.rest;

record LoginRequest(String email, String password) {
    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", password=***]";
    }
}
