package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import java.util.Objects;

/**
 * Why no position may be opened on an instrument now, with a stable code: {@code marketdata.instrument.not_found},
 * {@code marketdata.instrument.halted} or {@code marketdata.instrument.delisted}.
 */
public record OpeningRefused(InstrumentId instrument, String code, String reason) {
    public OpeningRefused {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
