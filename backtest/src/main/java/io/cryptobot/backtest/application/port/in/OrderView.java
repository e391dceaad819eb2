package io.cryptobot.backtest.application.port.in;

import java.math.BigDecimal;
import java.util.List;

/** An order of a run in its final state, with each event it went through (type, time in epoch ms, detail). */
public record OrderView(int seq, String orderId, String clientOrderId, String instrument, String side, String type,
                        BigDecimal quantity, BigDecimal limitPrice, String status, BigDecimal filledQuantity,
                        BigDecimal averagePrice, long placedAt, String tag, List<Event> events) {

    public record Event(String type, long time, String detail) {
    }
}
