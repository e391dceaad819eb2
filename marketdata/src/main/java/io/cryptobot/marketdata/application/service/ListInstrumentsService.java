package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.marketdata.application.port.in.ListInstrumentsQuery;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.Instrument;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ListInstrumentsService implements ListInstrumentsQuery {
    private final LoadInstrumentPort instruments;

    ListInstrumentsService(LoadInstrumentPort instruments) {
        this.instruments = instruments;
    }

    @Override
    public Page<Instrument> list(PageRequest page) {
        return instruments.list(page);
    }
}
