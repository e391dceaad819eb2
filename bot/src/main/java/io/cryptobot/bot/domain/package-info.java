/**
 * The strategy API (closed candles and fills in, order intents out), declared and validated parameters, incremental indicators, built-in strategies, bot definitions and lifecycle.
 */
package io.cryptobot.bot.domain;
