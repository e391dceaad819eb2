/**
 * The Order aggregate and its state machine (initialized, submitted, accepted, partially filled, filled, canceled, expired, rejected ...), typed ids (OrderId, ClientOrderId, VenueOrderId), fills and past-tense order events. Filled by the domain-core issue.
 */
package io.cryptobot.order.domain;
