package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.live.ReconciliationReport;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * The reconciliation of a bot trading a live account: whether its orders may leave now (the account reconciled and
 * the venue's report stream up) and the last reconciliation's findings. Another user's bot is not found; a bot not
 * trading a live account here (a paper bot, or not running) is a conflict.
 */
public interface GetReconciliationQuery {
    Either<DomainError, LiveReconciliation> reconciliation(UserId caller, BotId id);

    record LiveReconciliation(BotId bot, boolean reconciled, Option<ReconciliationReport> last) {
        public LiveReconciliation {
            Objects.requireNonNull(bot, "bot");
            Objects.requireNonNull(last, "last");
        }
    }
}
