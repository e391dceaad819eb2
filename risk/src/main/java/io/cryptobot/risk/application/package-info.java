/**
 * Implements order's PreTradeCheck; kill-switch use cases; publishes TradingHalted.
 */
package io.cryptobot.risk.application;
