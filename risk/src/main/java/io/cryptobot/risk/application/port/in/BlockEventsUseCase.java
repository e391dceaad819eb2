package io.cryptobot.risk.application.port.in;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.domain.BlockEvent;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The record of orders the pre-trade check refused: written by whoever ran the check (a bot's session, an order
 * placed over the API), listed newest first and counted by rule, always for one owner.
 */
public interface BlockEventsUseCase {
    /** Idempotent: a block already recorded (same order) is kept as it was. */
    void record(UserId owner, List<BlockEvent> blocks);

    Page<BlockEvent> list(UserId owner, Filter filter, PageRequest page);

    /** How many blocks each rule made (a block refused by several rules counts for each), most first. */
    Map<String, Long> countByRule(UserId owner, Filter filter);

    /** The caller's blocks traced under {@code correlationId}, oldest first. */
    List<BlockEvent> byCorrelation(UserId owner, UUID correlationId);

    record Filter(Option<String> rule, Option<UUID> botId, Option<Instant> from, Option<Instant> to) {
        public static final Filter ANY = new Filter(Option.none(), Option.none(), Option.none(), Option.none());
    }
}
