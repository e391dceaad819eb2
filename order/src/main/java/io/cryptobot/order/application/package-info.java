/**
 * Place, cancel and get orders (port/in); the out-ports the order flow needs: VenueGateway (implemented by exchange) and PreTradeCheck (implemented by risk).
 */
package io.cryptobot.order.application;
