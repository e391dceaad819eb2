/**
 * Portfolio queries and the ledger use cases that apply fills; publishes PositionChanged.
 */
package io.cryptobot.portfolio.application;
