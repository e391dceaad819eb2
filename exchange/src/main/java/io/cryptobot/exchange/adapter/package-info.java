/**
 * Venue adapters (real exchanges through a multi-exchange library, tested against a local mock server), connection persistence, REST.
 */
package io.cryptobot.exchange.adapter;
