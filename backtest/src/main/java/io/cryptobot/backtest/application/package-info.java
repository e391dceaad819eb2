/**
 * Run, status, cancel, resume and result use cases; parameter sweeps and walk-forward.
 */
package io.cryptobot.backtest.application;
