package io.cryptobot.marketdata.application.port.out;

/** Runs a task repeatedly at a fixed real-time interval until it returns false (the feed's clock). */
public interface ScheduleTicksPort {
    void every(long intervalMillis, java.util.function.BooleanSupplier tick);
}
