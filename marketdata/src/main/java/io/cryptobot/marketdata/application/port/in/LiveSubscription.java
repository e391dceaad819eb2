package io.cryptobot.marketdata.application.port.in;

/** A subscriber's place on a live feed; closing it leaves the feed (the last one to leave stops the feed). */
public interface LiveSubscription extends AutoCloseable {
    @Override
    void close();
}
