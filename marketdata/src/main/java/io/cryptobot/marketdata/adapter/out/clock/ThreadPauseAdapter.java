package io.cryptobot.marketdata.adapter.out.clock;

import io.cryptobot.marketdata.application.port.out.PauseWorkPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Sleeps the calling worker; the download pool interrupts its workers when the application stops. */
@ApplicationScoped
class ThreadPauseAdapter implements PauseWorkPort {
    @Override
    public void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }
}
