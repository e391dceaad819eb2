package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.marketdata.domain.Publication;

/** The record of publications, newest first (admins only). */
public interface ListPublicationsQuery {
    Page<Publication> list(PageRequest page);
}
