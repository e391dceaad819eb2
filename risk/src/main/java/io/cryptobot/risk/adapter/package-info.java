/**
 * Risk limit and block-event persistence, REST for limits, blocks and the kill switch.
 */
package io.cryptobot.risk.adapter;
