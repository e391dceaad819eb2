/**
 * Backtest runs (config, progress, results) and the event-driven engine that drives the shared strategy, fill model, order, ledger and risk code over history.
 */
package io.cryptobot.backtest.domain;
