package io.cryptobot.order.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.GetTradingRulesQuery;
import io.cryptobot.marketdata.application.port.in.TradingRules;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.order.application.port.in.OrderActivity;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.application.port.in.PlaceOrderCommand;
import io.cryptobot.order.application.port.in.PlaceOrderUseCase.Placed;
import io.cryptobot.order.application.port.out.PaperVenuePort;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderErrors;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.OrderSpec;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaceOrderServiceTest {
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final String ACCOUNT = "6f1c1b8e-8a39-4b8e-9b0a-0c5b8f2f1a11";
    // tick 0.05, step 0.0001: 42000.05 is on the tick, 42000.03 is not; 0.00012 has one decimal too many
    private static final Instrument BTC = Instrument.define("SIM", "BTC", "USDT", "0.05", "0.0001").get();

    private final FakeVenue venue = new FakeVenue();
    private final InMemoryOrderJournal journal = venue.journal;
    private final GetTradingRulesQuery rules = id -> id.equals(BTC.id())
            ? Either.right(new TradingRules(BTC.id(), BTC.tickSize(), BTC.stepSize(), BTC::price, BTC::quantity))
            : Either.left(new DomainError.NotFound("marketdata.instrument.not_found", "no " + id));
    private final PlaceOrderService service = new PlaceOrderService(journal, venue, rules);

    private static PlaceOrderCommand command(String clientOrderId, String side, String type, String quantity,
                                             String limitPrice, String correlationId) {
        return PlaceOrderCommand.of(ACCOUNT, clientOrderId, "SIM:BTC/USDT", side, type, quantity, limitPrice, null,
                null, null, correlationId).get();
    }

    @Test
    void an_order_is_placed_at_the_instruments_scales_and_returned_as_the_venue_recorded_it() {
        Placed placed = service.place(OWNER, command("c-1", "buy", "limit", "0.5", "42000.05", null)).get();

        assertThat(placed.created()).isTrue();
        assertThat(venue.submitted).hasSize(1);
        OrderRequest sent = venue.submitted.get(0);
        assertThat(sent.quantity().units()).isEqualTo(5000);
        assertThat(sent.quantity().scale()).isEqualTo(4);
        assertThat(sent.limitPrice().get().units()).isEqualTo(4_200_005);
        assertThat(placed.order().clientOrderId()).isEqualTo("c-1");
        assertThat(placed.order().limitPrice()).isEqualByComparingTo("42000.05");
    }

    @Test
    void amounts_off_the_tick_or_step_are_all_named_and_nothing_is_placed() {
        var refused = service.place(OWNER, command("c-1", "buy", "limit", "0.00012", "42000.03", null));

        assertThat(((DomainError.Invalid) refused.getLeft()).violations()).extracting(Violation::field)
                .containsExactly("quantity", "limitPrice");
        assertThat(((DomainError.Invalid) refused.getLeft()).violations().get(1).reason())
                .contains("not a multiple of the tick 0.05");
        assertThat(venue.submitted).isEmpty();
    }

    @Test
    void the_order_types_rules_are_reported_once_the_amounts_are_exact() {
        var refused = service.place(OWNER, command("c-1", "buy", "market", "0", "42000.05", null));

        assertThat(((DomainError.Invalid) refused.getLeft()).violations()).containsExactly(
                new Violation("quantity", "must be positive"), new Violation("limitPrice", "is not allowed for MARKET"));
        assertThat(venue.submitted).isEmpty();
    }

    @Test
    void an_unknown_instrument_is_named() {
        var command = PlaceOrderCommand.of(ACCOUNT, null, "SIM:ETH/USDT", "buy", "market", "1", null, null, null,
                null, null).get();

        assertThat(((DomainError.Invalid) service.place(OWNER, command).getLeft()).violations())
                .containsExactly(new Violation("instrument", "unknown instrument SIM:ETH/USDT"));
    }

    @Test
    void the_same_client_order_id_and_order_again_returns_the_first_order_without_placing_again() {
        Placed first = service.place(OWNER, command("c-1", "buy", "limit", "0.5", "42000.05", null)).get();
        // 0.50 is 0.5: equal amounts are the same order, however written
        Placed again = service.place(OWNER, command("c-1", "buy", "limit", "0.50", "42000.050", null)).get();

        assertThat(again.created()).isFalse();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        assertThat(venue.submitted).hasSize(1);
    }

    @Test
    void the_same_client_order_id_with_another_order_is_a_conflict_naming_what_differs() {
        service.place(OWNER, command("c-1", "buy", "limit", "0.5", "42000.05", UUID.randomUUID().toString()));

        var conflict = service.place(OWNER, command("c-1", "sell", "limit", "0.6", "42000.05",
                UUID.randomUUID().toString()));

        assertThat(conflict.getLeft().code()).isEqualTo("order.client_order_id_reused");
        assertThat(conflict.getLeft().detail()).contains("differs in side, quantity, correlationId;");
        assertThat(venue.submitted).hasSize(1);
    }

    @Test
    void a_retry_the_venue_refuses_is_answered_with_the_order_placed_before() {
        Placed first = service.place(OWNER, command("c-1", "buy", "limit", "0.5", "42000.05", null)).get();
        venue.refusal = OrderErrors.notFound("no live session");

        Placed again = service.place(OWNER, command("c-1", "buy", "limit", "0.5", "42000.05", null)).get();

        assertThat(again.created()).isFalse();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        assertThat(service.place(OWNER, command("c-1", "sell", "limit", "0.5", "42000.05", null)).getLeft().code())
                .isEqualTo("order.client_order_id_reused");
        assertThat(service.place(OWNER, command("c-2", "buy", "limit", "0.5", "42000.05", null)).getLeft())
                .isEqualTo(venue.refusal);
    }

    @Test
    void without_a_client_order_id_every_order_is_new() {
        service.place(OWNER, command(null, "buy", "market", "0.5", null, null));
        service.place(OWNER, command(null, "buy", "market", "0.5", null, null));

        assertThat(venue.submitted).extracting(r -> r.clientOrderId().value()).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("api-"));
    }

    /** The paper venue: records the order it accepts in the journal (as a session does) and answers with it. */
    static final class FakeVenue implements PaperVenuePort {
        final InMemoryOrderJournal journal = new InMemoryOrderJournal();
        final List<OrderRequest> submitted = new ArrayList<>();
        private final Map<String, OrderView> byClientOrderId = new HashMap<>();
        /** What the venue answers every order with, when set (its session stopped, say). */
        DomainError refusal;

        @Override
        public Either<DomainError, Submitted> submit(UserId owner, UUID accountId, OrderRequest r) {
            if (refusal != null) {
                return Either.left(refusal);
            }
            OrderView known = byClientOrderId.get(r.clientOrderId().value());
            if (known != null) {
                return Either.right(new Submitted(known, false));
            }
            submitted.add(r);
            OrderSpec spec = new OrderSpec(owner, r.clientOrderId(), r.instrument(), r.side(), r.type(), r.quantity(),
                    r.limitPrice(), r.triggerPrice(), r.timeInForce(), r.reduceOnly(), r.correlationId());
            Instant now = Instant.parse("2024-01-01T00:00:00Z");
            Order order = Order.newOrder(new OrderId(UUID.randomUUID()), spec, new EventMeta(UUID.randomUUID(), now))
                    .order();
            OrderView view = OrderView.of(new OrderActivity.TrackedOrder(order, accountId, Option.none(), "manual",
                    now, now));
            byClientOrderId.put(r.clientOrderId().value(), view);
            journal.put(owner, view);
            return Either.right(new Submitted(view, true));
        }

        @Override
        public Either<DomainError, OrderView> cancel(UserId owner, UUID accountId, OrderId order) {
            return Either.left(OrderErrors.notFound(order.value().toString()));
        }
    }
}
