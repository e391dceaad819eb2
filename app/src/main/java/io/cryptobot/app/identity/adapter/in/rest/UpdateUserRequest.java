package io.cryptobot.app.identity.adapter.in.rest;

/** Partial update: a field left out (or null) stays unchanged. */
record UpdateUserRequest(String role, Boolean enabled) {
}
