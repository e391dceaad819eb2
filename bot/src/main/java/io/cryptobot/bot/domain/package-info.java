/**
 * The strategy API (closed candles and fills in, order intents out), declared and validated parameters, incremental indicators, built-in strategies, bot definitions and lifecycle.
 *
 * <p>{@code indicator}: O(1), allocation-free indicators. {@code strategy}: the {@code Strategy} interface, its
 * {@code StrategyContext} (position and intent submission), {@code StrategyDefinition}s whose parameters are
 * validated into {@code Parameters}, and the {@code StrategyCatalog} of built-ins (SMA and EMA crossover, RSI
 * mean reversion, Bollinger breakout, MACD, DCA, grid).
 */
package io.cryptobot.bot.domain;
