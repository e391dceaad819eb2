package io.cryptobot.bot.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.application.port.out.BotLeasePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.exchange.application.port.in.TestConnectionUseCase;
import io.cryptobot.exchange.domain.connection.AccountAccess;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.exchange.domain.connection.KeyPermissions;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a live-account bot's launch checks before it takes the lease and opens the venue. */
class OpenLiveTradingTest {
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
    private final InMemoryBotStore store = new InMemoryBotStore();
    private final List<String> leasesAsked = new ArrayList<>();
    private final Bot bot = Bot.newBot(new BotId(UUID.randomUUID()), new UserId(UUID.randomUUID()), "b", "manual",
            Map.of(), LiveVenueTest.BTC, Timeframe.parse("1m").get(), UUID.randomUUID(),
            new Money(50_000, 2, LiveVenueTest.USDT), RiskLimits.none(), VenueCosts.parse(null, null, null, null).get(),
            Option.none(), LiveFeedSpec.fromNextCandle(), T0);

    private OpenLiveTrading opening(ConnectionTest.Outcome outcome) {
        TestConnectionUseCase connections = (caller, id) -> Either.right(new ConnectionTest(new Venue("BINANCE"), T0,
                Option.none(), outcome, io.vavr.collection.List.empty()));
        BotLeasePort heldElsewhere = new BotLeasePort() {
            @Override
            public Option<Lease> acquire(BotId id, String holder, Duration ttl) {
                leasesAsked.add(holder);
                return Option.none();
            }

            @Override
            public Option<Lease> renew(Lease lease, Duration ttl) {
                return Option.none();
            }

            @Override
            public boolean holds(Lease lease) {
                return false;
            }

            @Override
            public void release(Lease lease) {
            }
        };
        return new OpenLiveTrading(null, null, heldElsewhere, store, null, null, instrument -> Option.none(),
                connections, () -> T0, alarm -> {
        }, account -> Option.none(), null);
    }

    private static ConnectionTest.Outcome keys(boolean withdraw) {
        return new ConnectionTest.Outcome.Passed(new AccountAccess(new KeyPermissions(true, true, withdraw,
                KeyPermissions.Source.KEY), io.vavr.collection.List.empty(), Duration.ofMillis(5)));
    }

    @Test
    void keys_that_may_withdraw_are_refused_unless_the_owner_accepted_them_for_the_bot() {
        DomainError refused = opening(keys(true)).open(bot, () -> null).getLeft();
        assertThat(refused.code()).isEqualTo("bot.withdrawal_key_refused");
        assertThat(leasesAsked).isEmpty();
        store.addControl(bot.id(), new BotControl(BotControl.Kind.WITHDRAWAL_KEY_ACCEPTED, Long.MIN_VALUE,
                "accepted", T0));
        // past the keys: the lease is asked for (and held elsewhere here)
        assertThat(opening(keys(true)).open(bot, () -> null).getLeft().code()).isEqualTo("bot.driven_elsewhere");
        assertThat(leasesAsked).hasSize(1);
    }

    @Test
    void keys_without_withdrawal_go_on_to_the_lease_and_an_unanswered_check_refuses_for_now() {
        assertThat(opening(keys(false)).open(bot, () -> null).getLeft().code()).isEqualTo("bot.driven_elsewhere");
        DomainError unreachable = opening(new ConnectionTest.Outcome.Failed(new VenueFailure.Unavailable("timeout")))
                .open(bot, () -> null).getLeft();
        assertThat(unreachable).isInstanceOf(DomainError.Unavailable.class);
        assertThat(unreachable.code()).isEqualTo("bot.venue_unreachable");
    }
}
