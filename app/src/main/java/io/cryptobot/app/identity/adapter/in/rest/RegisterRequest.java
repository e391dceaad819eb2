package io.cryptobot.app.identity.adapter.in.rest;

/** Sign-up input; validated by the use case's command, so all field errors are reported together. */
record RegisterRequest(String email, String password, String displayName) {
    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", password=***]";
    }
}
