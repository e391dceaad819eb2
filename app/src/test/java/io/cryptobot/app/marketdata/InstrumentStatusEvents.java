package io.cryptobot.app.marketdata;

import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only: every instrument status change the application publishes, as another context would observe it. */
@ApplicationScoped
public class InstrumentStatusEvents {
    private final List<InstrumentStatusChanged> seen = new CopyOnWriteArrayList<>();

    void on(@Observes InstrumentStatusChanged changed) {
        seen.add(changed);
    }

    List<InstrumentStatusChanged> seen() {
        return List.copyOf(seen);
    }
}
