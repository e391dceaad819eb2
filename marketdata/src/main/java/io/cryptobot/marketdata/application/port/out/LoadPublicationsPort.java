package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.marketdata.domain.Publication;

public interface LoadPublicationsPort {
    /** Every publication, newest first. */
    Page<Publication> list(PageRequest page);
}
