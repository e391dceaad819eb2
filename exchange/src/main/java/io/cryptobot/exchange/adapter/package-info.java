/**
 * Venue adapters (Binance spot and OKX, hand-written on the JDK HTTP client, tested against fake venues on loopback), account persistence, secret sealing, REST.
 */
package io.cryptobot.exchange.adapter;
