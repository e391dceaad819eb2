/** Portfolio events published to other contexts: {@code PositionChanged}, one per applied fill. */
package io.cryptobot.portfolio.domain.event;
