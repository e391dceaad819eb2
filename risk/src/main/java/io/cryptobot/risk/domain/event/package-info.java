/** Risk events published to other contexts: trading-state changes ({@code TradingHalted} is the kill switch). */
package io.cryptobot.risk.domain.event;
