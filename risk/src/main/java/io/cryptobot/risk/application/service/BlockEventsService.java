package io.cryptobot.risk.application.service;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase;
import io.cryptobot.risk.application.port.out.BlockEventStorePort;
import io.cryptobot.risk.domain.BlockEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

@ApplicationScoped
class BlockEventsService implements BlockEventsUseCase {
    private final BlockEventStorePort store;

    BlockEventsService(BlockEventStorePort store) {
        this.store = store;
    }

    @Override
    public void record(UserId owner, List<BlockEvent> blocks) {
        for (BlockEvent block : blocks) {
            if (!block.owner().equals(owner)) {
                throw new IllegalArgumentException("block " + block.id() + " is not " + owner + "'s");
            }
        }
        if (!blocks.isEmpty()) {
            store.save(owner, blocks);
        }
    }

    @Override
    public Page<BlockEvent> list(UserId owner, Filter filter, PageRequest page) {
        return store.list(owner, filter, page);
    }

    @Override
    public List<BlockEvent> byCorrelation(UserId owner, java.util.UUID correlationId) {
        return store.byCorrelation(owner, correlationId);
    }

    @Override
    public Map<String, Long> countByRule(UserId owner, Filter filter) {
        return store.countByRule(owner, filter);
    }
}
