/**
 * Portfolio persistence and REST (summary, P&L breakdowns, equity and drawdown curves).
 */
package io.cryptobot.portfolio.adapter;
