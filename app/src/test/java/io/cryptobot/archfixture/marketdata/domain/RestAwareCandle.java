package io.cryptobot.archfixture.marketdata.domain;

/** Violates domain purity: a domain class that knows JAX-RS. */
public record RestAwareCandle(jakarta.ws.rs.core.Response response) {
}
