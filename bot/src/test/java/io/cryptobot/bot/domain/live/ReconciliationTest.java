package io.cryptobot.bot.domain.live;

import static io.cryptobot.bot.domain.live.LiveFixtures.USDT;
import static io.cryptobot.bot.domain.live.LiveFixtures.execution;
import static io.cryptobot.bot.domain.live.LiveFixtures.limitBuy;
import static io.cryptobot.bot.domain.live.LiveFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueOrderState.Status;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.execution.VenueTrading.PlaceAnswer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static final Asset BTC_ASSET = new Asset("BTC");
    private final LiveOrderBook book = new LiveOrderBook();
    private final VenueOrder ours = limitBuy("c1");

    @BeforeEach
    void onePlacedOrder() {
        book.reconciled(true, "");
        book.admit(ours, 1);
        book.placed("c1", new PlaceAnswer.Accepted(state(ours, "0", Status.NEW, 1)), 1);
    }

    @Test
    void a_fill_missed_while_down_is_applied_once_from_the_trade_history() {
        Reconciliation.OrdersResult first = Reconciliation.orders(book,
                List.of(state(ours, "0.300", Status.PARTIALLY_FILLED, 5)), List.of(execution(ours, "t1", "0.300", 5)), 9);
        assertThat(first.reports()).singleElement().isInstanceOf(VenueReport.Filled.class);
        assertThat(first.drifts()).singleElement().isInstanceOf(Drift.MissedFill.class);
        Reconciliation.OrdersResult again = Reconciliation.orders(book,
                List.of(state(ours, "0.300", Status.PARTIALLY_FILLED, 5)), List.of(execution(ours, "t1", "0.300", 5)), 10);
        assertThat(again.reports()).isEmpty();
        assertThat(again.drifts()).isEmpty();
    }

    @Test
    void an_order_placed_by_hand_on_the_venue_is_reported_and_left_alone() {
        VenueOrder foreign = limitBuy("web_123");
        Reconciliation.OrdersResult result = Reconciliation.orders(book,
                List.of(state(ours, "0", Status.NEW, 1), state(foreign, "0", Status.NEW, 3)),
                List.of(execution(foreign, "t9", "0.100", 4)), 9);
        assertThat(result.reports()).isEmpty();
        assertThat(result.drifts()).extracting(Drift::code).containsExactly("foreign_execution", "unknown_venue_order");
        assertThat(result.toQuery()).isEmpty();
        assertThat(book.knows("web_123")).isFalse();
    }

    @Test
    void an_order_no_longer_open_on_the_venue_is_queried_not_assumed_canceled() {
        Reconciliation.OrdersResult result = Reconciliation.orders(book, List.of(), List.of(), 9);
        assertThat(result.reports()).isEmpty();
        assertThat(result.drifts()).singleElement().isInstanceOf(Drift.ClosedOnVenue.class);
        assertThat(result.toQuery()).extracting(VenueOrder::clientOrderId).containsExactly("c1");
        assertThat(book.open()).extracting(VenueOrder::clientOrderId).containsExactly("c1");
    }

    @Test
    void a_balance_difference_is_shown_with_its_size_and_equal_amounts_at_other_scales_are_none() {
        Map<Asset, Money> venue = Map.of(USDT, new Money(1000_00, 2, USDT), BTC_ASSET, new Money(5, 1, BTC_ASSET));
        Map<Asset, Money> ledger = Map.of(USDT, new Money(1000_000, 3, USDT), BTC_ASSET,
                new Money(4, 1, BTC_ASSET));
        List<Drift> drifts = Reconciliation.balances(venue, Set.of(USDT, BTC_ASSET), ledger::get);
        assertThat(drifts).singleElement().isInstanceOfSatisfying(Drift.BalanceDifference.class, d -> {
            assertThat(d.asset()).isEqualTo(BTC_ASSET);
            assertThat(d.difference()).isEqualByComparingTo("0.1");
            assertThat(d.describe()).isEqualTo("BTC: venue 0.5, ledger 0.4, difference 0.1");
        });
    }

    @Test
    void an_asset_only_the_venue_holds_is_a_difference_of_all_of_it() {
        Asset bnb = new Asset("BNB");
        List<Drift> drifts = Reconciliation.balances(Map.of(bnb, new Money(2, 0, bnb)), Set.of(), a -> null);
        assertThat(drifts).singleElement().extracting(Drift::describe).isEqualTo("BNB: venue 2, ledger 0, difference 2");
    }
}
