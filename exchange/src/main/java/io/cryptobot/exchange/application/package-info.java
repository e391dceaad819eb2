/**
 * Venue use cases: connection test, balances; the simulated venue; implements order's VenueGateway.
 */
package io.cryptobot.exchange.application;
