/**
 * Backtest job persistence, progress streaming (server-sent events), CSV exports, REST.
 */
package io.cryptobot.backtest.adapter;
