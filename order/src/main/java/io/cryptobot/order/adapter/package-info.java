/**
 * REST resources for orders and the persistence of orders, their events and fills (paper-trading issue).
 */
package io.cryptobot.order.adapter;
