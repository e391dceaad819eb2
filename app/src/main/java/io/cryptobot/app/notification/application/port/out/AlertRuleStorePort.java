package io.cryptobot.app.notification.application.port.out;

import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.app.notification.domain.AlertRuleId;
import io.cryptobot.app.notification.domain.AlertWatch;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.util.List;
import java.util.UUID;

/** Alert rules and their watches in schema {@code notification}; reads by owner filter by owner. */
public interface AlertRuleStorePort {
    void insert(AlertRule rule);

    Option<AlertRule> load(UserId owner, AlertRuleId id);

    Page<AlertRule> list(UserId owner, PageRequest page);

    long count(UserId owner);

    /** Stores the changed rule; {@code resetWatches}: its watches start afresh (its condition changed). */
    void update(AlertRule rule, boolean resetWatches);

    boolean delete(UserId owner, AlertRuleId id);

    /**
     * The owner's enabled rules: asked for every equity hand-off on the publisher's thread, so it answers from
     * memory (an empty list when the owner has none).
     */
    List<AlertRule> enabledRules(UserId owner);

    /** Owners with an enabled rule of this condition kind (from memory). */
    List<UserId> ownersWith(Class<?> conditionKind);

    Option<AlertWatch> watch(AlertRuleId rule, UUID botId);

    List<AlertWatch> watches(AlertRuleId rule);

    void saveWatch(AlertWatch watch);

    /** The bots the rule sees beyond its threshold now. */
    List<UUID> breachedBots(AlertRuleId rule);
}
