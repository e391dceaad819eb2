/**
 * The fill model shared by every simulated venue (fees, slippage, partial fills, stop gaps, no look-ahead) and exchange connections with encrypted credentials.
 */
package io.cryptobot.exchange.domain;
