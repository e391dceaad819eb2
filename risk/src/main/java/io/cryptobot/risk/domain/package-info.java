/**
 * Risk limits, pre-trade rules returning allow/refuse with a reason, block events, and the trading state (active / reducing / halted = kill switch).
 */
package io.cryptobot.risk.domain;
