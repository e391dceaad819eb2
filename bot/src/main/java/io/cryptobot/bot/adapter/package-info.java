/**
 * Bot persistence (state that survives restarts), leases, REST.
 */
package io.cryptobot.bot.adapter;
