package io.cryptobot.risk.application.port.out;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase.Filter;
import io.cryptobot.risk.domain.BlockEvent;
import java.util.List;
import java.util.Map;

public interface BlockEventStorePort {
    void save(UserId owner, List<BlockEvent> blocks);

    Page<BlockEvent> list(UserId owner, Filter filter, PageRequest page);

    Map<String, Long> countByRule(UserId owner, Filter filter);

    List<BlockEvent> byCorrelation(UserId owner, java.util.UUID correlationId);
}
