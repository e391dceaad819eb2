/**
 * Bot lifecycle use cases (create, start, pause, resume, stop) and the runner that turns closed candles into orders.
 */
package io.cryptobot.bot.application;
