package io.cryptobot.portfolio.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.portfolio.domain.event.PositionChanged;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerTest {
    static final Asset USDT = new Asset("USDT");
    static final Asset BTC = new Asset("BTC");
    static final Asset ETH = new Asset("ETH");
    static final Asset BNB = new Asset("BNB");
    static final Venue BINANCE = Venue.parse("BINANCE").get();
    static final InstrumentId BTC_USDT = new InstrumentId(BINANCE, BTC, USDT);
    static final InstrumentId ETH_USDT = new InstrumentId(BINANCE, ETH, USDT);
    static final InstrumentId PEPE_USDT = new InstrumentId(BINANCE, new Asset("PEPE"), USDT);
    static final InstrumentId ETH_BTC = new InstrumentId(BINANCE, ETH, BTC);
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    int trades;

    static Money usdt(String amount) {
        return money(amount, USDT);
    }

    static Money money(String amount, Asset asset) {
        BigDecimal value = new BigDecimal(amount);
        return new Money(value.unscaledValue().longValueExact(), value.scale(), asset);
    }

    // BTC: price scale 2, quantity scale 5; PEPE: price scale 8, quantity scale 0.
    LedgerFill fill(InstrumentId instrument, Side side, String qty, String price, Money fee, int minutes) {
        int qtyScale = instrument.equals(PEPE_USDT) ? 0 : 5;
        int priceScale = instrument.equals(PEPE_USDT) ? 8 : 2;
        return new LedgerFill(instrument, side, Quantity.parse(qty, qtyScale).get(), Price.parse(price, priceScale).get(),
                fee, "t" + (++trades), T0.plusSeconds(60L * minutes));
    }

    static EventMeta meta() {
        return new EventMeta(UUID.randomUUID(), T0);
    }

    static Price price(InstrumentId instrument, String text) {
        return Price.parse(text, instrument.equals(PEPE_USDT) ? 8 : 2).get();
    }

    static void assertAmount(Money actual, String expected, Asset asset) {
        assertThat(actual.asset()).isEqualTo(asset);
        assertThat(actual.toBigDecimal()).isEqualByComparingTo(expected);
    }

    PositionChanged book(Ledger ledger, LedgerFill fill) {
        return ledger.apply(fill, meta()).get();
    }

    /** The brief's example: two buys, one sell across both lots, then a mark. */
    Ledger twoBuysAndASell() {
        Ledger ledger = Ledger.open(usdt("100000.00"));
        // 0.5 * 40,000 = 20,000; USDT 100,000 - 20,000 - 20 fee = 79,980
        book(ledger, fill(BTC_USDT, Side.BUY, "0.5", "40000.00", usdt("20"), 0));
        // 0.3 * 41,000 = 12,300; USDT 79,980 - 12,300 - 12.30 = 67,667.70
        book(ledger, fill(BTC_USDT, Side.BUY, "0.3", "41000.00", usdt("12.30"), 1));
        // 0.6 * 42,000 = 25,200; USDT 67,667.70 + 25,200 - 25.20 = 92,842.50
        book(ledger, fill(BTC_USDT, Side.SELL, "0.6", "42000.00", usdt("25.20"), 2));
        return ledger;
    }

    @Test
    void a_buy_adds_the_base_and_spends_the_exact_product_and_the_fee_in_quote() {
        Ledger ledger = Ledger.open(usdt("100000.00"));
        book(ledger, fill(BTC_USDT, Side.BUY, "0.5", "40000.00", usdt("20"), 0));
        assertAmount(ledger.balance(BTC), "0.5", BTC);
        assertAmount(ledger.balance(USDT), "79980", USDT); // 100,000 - 0.5*40,000 - 20
        assertThat(ledger.position(BTC_USDT).lots()).containsExactly(
                new Lot(Quantity.parse("0.5", 5).get(), Price.parse("40000", 2).get(), T0));
    }

    @Test
    void a_sell_closes_the_oldest_lot_first_and_then_part_of_the_next() {
        Ledger ledger = twoBuysAndASell();
        Position position = ledger.position(BTC_USDT);
        // 0.5 * (42,000 - 40,000) = 1,000; 0.1 * (42,000 - 41,000) = 100
        assertAmount(position.realizedPnl(), "1100", USDT);
        assertThat(position.lots()).containsExactly(
                new Lot(Quantity.parse("0.2", 5).get(), Price.parse("41000", 2).get(), T0.plusSeconds(60)));
        assertThat(position.quantity().toBigDecimal()).isEqualByComparingTo("0.2");
        assertAmount(position.cost(), "8200", USDT); // 0.2 * 41,000
        assertAmount(ledger.balance(USDT), "92842.50", USDT);
        assertAmount(ledger.balance(BTC), "0.2", BTC);
    }

    @Test
    void each_closed_lot_portion_is_a_closed_trade_with_its_own_entry_and_exit() {
        var trades = twoBuysAndASell().closedTrades();
        assertThat(trades).hasSize(2);
        ClosedTrade first = trades.get(0);
        assertThat(first.entryTime()).isEqualTo(T0);
        assertThat(first.exitTime()).isEqualTo(T0.plusSeconds(120));
        assertThat(first.quantity().toBigDecimal()).isEqualByComparingTo("0.5");
        assertThat(first.entryPrice().toBigDecimal()).isEqualByComparingTo("40000");
        assertThat(first.exitPrice().toBigDecimal()).isEqualByComparingTo("42000");
        assertAmount(first.realizedPnl(), "1000", USDT);
        ClosedTrade second = trades.get(1);
        assertThat(second.entryTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(second.quantity().toBigDecimal()).isEqualByComparingTo("0.1");
        assertAmount(second.realizedPnl(), "100", USDT);
    }

    @Test
    void each_closed_trade_carries_its_pro_rata_share_of_the_buy_and_sell_fees() {
        Ledger ledger = twoBuysAndASell();
        var trades = ledger.closedTrades();
        // first: the whole buy fee 20 + 0.5/0.6 of the sell fee 25.20 = 20 + 21 = 41; net 1,000 - 41 = 959
        assertAmount(trades.get(0).fees(), "41", USDT);
        assertAmount(trades.get(0).netPnl(), "959", USDT);
        // second: 0.1/0.3 of 12.30 = 4.10 + the rest of the sell fee 25.20 - 21 = 4.20, so 8.30; net 91.70
        assertAmount(trades.get(1).fees(), "8.30", USDT);
        assertAmount(trades.get(1).netPnl(), "91.70", USDT);
        // the last 0.2 takes the rest of its buy fee, 12.30 - 4.10 = 8.20, plus its sell fee 8
        book(ledger, fill(BTC_USDT, Side.SELL, "0.2", "40000.00", usdt("8"), 3));
        assertAmount(ledger.closedTrades().get(2).fees(), "16.20", USDT);
    }

    @Test
    void fee_shares_round_down_and_the_last_portion_takes_the_remainder_so_nothing_is_lost() {
        Ledger ledger = Ledger.open(usdt("1000"));
        book(ledger, fill(ETH_USDT, Side.BUY, "0.3", "100", usdt("0.01"), 0));
        book(ledger, fill(ETH_USDT, Side.SELL, "0.1", "100", usdt("0"), 1));
        book(ledger, fill(ETH_USDT, Side.SELL, "0.1", "100", usdt("0"), 2));
        book(ledger, fill(ETH_USDT, Side.SELL, "0.1", "100", usdt("0"), 3));
        // 0.01 * 0.1/0.3 rounds down to 0; 0.01 * 0.1/0.2 rounds down to 0; the last 0.1 takes all 0.01
        assertThat(ledger.closedTrades().map(t -> t.fees().toBigDecimal().stripTrailingZeros().toPlainString()))
                .containsExactly("0", "0", "0.01");
    }

    @Test
    void unrealized_pnl_marks_the_remaining_lot_to_the_given_price() {
        // 0.2 * (40,000 - 41,000) = -200
        assertAmount(twoBuysAndASell().unrealizedPnl(BTC_USDT, price(BTC_USDT, "40000")), "-200", USDT);
    }

    @Test
    void unrealized_pnl_sums_every_lot_against_its_own_entry() {
        Ledger ledger = Ledger.open(usdt("1000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "100", usdt("0"), 0));
        book(ledger, fill(BTC_USDT, Side.BUY, "2", "110", usdt("0"), 1));
        // 1 * (105 - 100) + 2 * (105 - 110) = 5 - 10 = -5
        assertAmount(ledger.unrealizedPnl(BTC_USDT, price(BTC_USDT, "105")), "-5", USDT);
    }

    @Test
    void equity_is_the_quote_balance_plus_the_position_at_the_mark() {
        Ledger ledger = twoBuysAndASell();
        // 92,842.50 + 0.2 * 40,000 = 100,842.50
        // = 100,000 + realized 1,100 - unrealized 200 - fees (20 + 12.30 + 25.20 = 57.50)
        assertAmount(ledger.equity(BTC_USDT, price(BTC_USDT, "40000")).get(), "100842.50", USDT);
        assertAmount(ledger.equity(Map.of(BTC_USDT, price(BTC_USDT, "40000"))).get(), "100842.50", USDT);
    }

    @Test
    void equity_after_a_round_trip_at_one_price_is_the_start_less_the_fees_exactly() {
        Ledger ledger = Ledger.open(usdt("100000.00"));
        book(ledger, fill(BTC_USDT, Side.BUY, "2", "50000.00", usdt("100"), 0));
        book(ledger, fill(BTC_USDT, Side.SELL, "2", "50000.00", usdt("100"), 1));
        // 100,000 - 100,000 + 100,000 - 100 - 100 = 99,800
        assertAmount(ledger.equity(BTC_USDT, price(BTC_USDT, "1")).get(), "99800", USDT);
        assertAmount(ledger.position(BTC_USDT).realizedPnl(), "0", USDT);
        assertThat(ledger.position(BTC_USDT).isFlat()).isTrue();
    }

    @Test
    void a_base_asset_fee_on_a_buy_shrinks_the_lot_but_keeps_the_fill_price_as_entry() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", money("0.001", BTC), 0));
        // received 1 - 0.001 = 0.999 BTC, paid 30,000 USDT
        assertThat(ledger.position(BTC_USDT).lots()).containsExactly(
                new Lot(Quantity.parse("0.999", 5).get(), Price.parse("30000", 2).get(), T0));
        assertAmount(ledger.balance(BTC), "0.999", BTC);
        assertAmount(ledger.balance(USDT), "70000", USDT);
        assertAmount(ledger.position(BTC_USDT).cost(), "29970", USDT); // 0.999 * 30,000
        assertAmount(ledger.position(BTC_USDT).fees(), "30", USDT); // 0.001 BTC valued at 30,000
    }

    @Test
    void realized_pnl_is_gross_of_fees_and_net_subtracts_all_fees_valued_in_quote() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", money("0.001", BTC), 0));
        // sell 0.999 @ 31,000: proceeds 30,969, fee 0.1% = 30.969 USDT
        book(ledger, fill(BTC_USDT, Side.SELL, "0.999", "31000", usdt("30.969"), 1));
        Position position = ledger.position(BTC_USDT);
        assertAmount(position.realizedPnl(), "999", USDT); // 0.999 * 1,000
        assertAmount(position.fees(), "60.969", USDT); // 30 + 30.969
        assertAmount(position.netRealizedPnl(), "938.031", USDT); // 999 - 60.969
        // 100,000 - 30,000 + 30,969 - 30.969 = 100,938.031 = start + net
        assertAmount(ledger.equity(BTC_USDT, price(BTC_USDT, "1")).get(), "100938.031", USDT);
        assertAmount(ledger.balance(BTC), "0", BTC);
    }

    @Test
    void selling_more_than_held_is_refused_with_the_amounts_and_changes_nothing() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "0.5", "40000", usdt("20"), 0));
        Either<LedgerRefusal, PositionChanged> result =
                ledger.apply(fill(BTC_USDT, Side.SELL, "0.6", "42000", usdt("25.20"), 1), meta());
        assertThat(result.getLeft()).isEqualTo(new LedgerRefusal.InsufficientPosition(
                BTC_USDT, Quantity.parse("0.5", 5).get(), Quantity.parse("0.6", 5).get()));
        assertThat(result.getLeft().reason()).contains("0.6").contains("0.5");
        assertAmount(ledger.balance(USDT), "79980", USDT);
        assertAmount(ledger.balance(BTC), "0.5", BTC);
        assertThat(ledger.tradeCount()).isEqualTo(1);
        assertThat(ledger.position(BTC_USDT).lots()).hasSize(1);
    }

    @Test
    void selling_without_a_position_is_refused() {
        Ledger ledger = Ledger.open(usdt("100"));
        assertThat(ledger.apply(fill(BTC_USDT, Side.SELL, "0.1", "100", usdt("0"), 0), meta()).getLeft())
                .isInstanceOf(LedgerRefusal.InsufficientPosition.class);
        assertThat(ledger.positions()).isEmpty();
    }

    @Test
    void a_sell_can_close_across_three_lots_leaving_part_of_the_last() {
        Ledger ledger = Ledger.open(usdt("10000"));
        book(ledger, fill(ETH_USDT, Side.BUY, "1", "100", usdt("0"), 0));
        book(ledger, fill(ETH_USDT, Side.BUY, "2", "110", usdt("0"), 1));
        book(ledger, fill(ETH_USDT, Side.BUY, "3", "120", usdt("0"), 2));
        PositionChanged changed = book(ledger, fill(ETH_USDT, Side.SELL, "3.5", "130", usdt("0"), 3));
        // 1 * 30 + 2 * 20 + 0.5 * 10 = 75
        assertAmount(changed.realizedPnl(), "75", USDT);
        assertThat(changed.newQuantity().toBigDecimal()).isEqualByComparingTo("2.5");
        assertThat(ledger.closedTrades().map(t -> t.quantity().toBigDecimal().stripTrailingZeros().toPlainString()))
                .containsExactly("1", "2", "0.5");
        assertThat(ledger.position(ETH_USDT).lots()).containsExactly(
                new Lot(Quantity.parse("2.5", 5).get(), Price.parse("120", 2).get(), T0.plusSeconds(120)));
        assertAmount(ledger.position(ETH_USDT).cost(), "300", USDT); // 2.5 * 120
    }

    @Test
    void tiny_prices_and_large_quantities_stay_exact() {
        Ledger ledger = Ledger.open(usdt("100"));
        // 1,000,000 * 0.00001234 = 12.34; fee 0.1% = 0.01234
        book(ledger, fill(PEPE_USDT, Side.BUY, "1000000", "0.00001234", usdt("0.01234"), 0));
        // 3,000,000 * 0.00001235 = 37.05; fee 0.03705
        book(ledger, fill(PEPE_USDT, Side.BUY, "3000000", "0.00001235", usdt("0.03705"), 1));
        // 100 - 12.34 - 0.01234 - 37.05 - 0.03705 = 50.56061
        assertAmount(ledger.balance(USDT), "50.56061", USDT);
        // sell 2,500,000 @ 0.00001300: 1,000,000 * 0.00000066 = 0.66; 1,500,000 * 0.00000065 = 0.975
        PositionChanged changed = book(ledger, fill(PEPE_USDT, Side.SELL, "2500000", "0.00001300", usdt("0.0325"), 2));
        assertAmount(changed.realizedPnl(), "1.635", USDT);
        // 50.56061 + 32.5 - 0.0325 = 83.02811; + 1,500,000 * 0.00001299 = 19.485 -> 102.51311
        assertAmount(ledger.equity(PEPE_USDT, price(PEPE_USDT, "0.00001299")).get(), "102.51311", USDT);
        // 1,500,000 * (0.00001299 - 0.00001235) = 0.96
        assertAmount(ledger.unrealizedPnl(PEPE_USDT, price(PEPE_USDT, "0.00001299")), "0.96", USDT);
    }

    @Test
    void fees_are_totalled_per_asset_and_every_booked_fill_is_counted() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", money("0.001", BTC), 0));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", money("0.001", BTC), 1));
        book(ledger, fill(BTC_USDT, Side.SELL, "1", "30000", usdt("30"), 2));
        book(ledger, fill(BTC_USDT, Side.SELL, "0.5", "30000", usdt("15"), 3));
        assertAmount(ledger.feesPaid().get(BTC).get(), "0.002", BTC);
        assertAmount(ledger.feesPaid().get(USDT).get(), "45", USDT);
        assertThat(ledger.tradeCount()).isEqualTo(4);
    }

    @Test
    void a_buy_publishes_the_new_quantity_with_nothing_realized() {
        Ledger ledger = Ledger.open(usdt("100000"));
        EventMeta meta = meta();
        PositionChanged changed = ledger.apply(fill(BTC_USDT, Side.BUY, "0.5", "40000", usdt("20"), 0), meta).get();
        assertThat(changed.eventId()).isEqualTo(meta.eventId());
        assertThat(changed.occurredAt()).isEqualTo(meta.occurredAt());
        assertThat(changed.instrument()).isEqualTo(BTC_USDT);
        assertThat(changed.tradeId()).isEqualTo("t1");
        assertThat(changed.newQuantity().toBigDecimal()).isEqualByComparingTo("0.5");
        assertAmount(changed.realizedPnl(), "0", USDT);
    }

    @Test
    void a_fee_in_a_third_asset_is_paid_in_that_asset_and_left_out_of_the_quote_valued_pnl() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", money("0.01", BNB), 0));
        book(ledger, fill(BTC_USDT, Side.SELL, "1", "31000", money("0.02", BNB), 1));
        assertAmount(ledger.balance(BNB), "-0.03", BNB);
        assertAmount(ledger.balance(USDT), "101000", USDT);
        assertThat(ledger.balance(BTC).toBigDecimal()).isEqualByComparingTo("0");
        assertThat(ledger.closedTrades()).singleElement().satisfies(t -> {
            assertAmount(t.realizedPnl(), "1000", USDT);
            assertAmount(t.fees(), "0", USDT);
        });
    }

    @Test
    void a_base_asset_fee_on_a_sell_is_refused() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", usdt("30"), 0));
        assertThat(ledger.apply(fill(BTC_USDT, Side.SELL, "1", "30000", money("0.001", BTC), 1), meta()).getLeft())
                .isInstanceOf(LedgerRefusal.UnsupportedFee.class);
    }

    @Test
    void a_base_fee_that_leaves_nothing_bought_is_refused() {
        Ledger ledger = Ledger.open(usdt("100000"));
        assertThat(ledger.apply(fill(BTC_USDT, Side.BUY, "0.001", "30000", money("0.001", BTC), 0), meta()).getLeft())
                .isInstanceOf(LedgerRefusal.FeeNotBelowQuantity.class);
        assertThat(ledger.positions()).isEmpty();
    }

    @Test
    void marking_an_instrument_quoted_in_another_currency_is_refused() {
        Ledger ledger = Ledger.open(usdt("100000"));
        Price mark = Price.parse("0.05", 5).get();
        assertThat(ledger.equity(ETH_BTC, mark).getLeft())
                .isEqualTo(new LedgerRefusal.NotAccountCurrency(ETH_BTC, USDT));
        assertThat(ledger.equity(Map.of(ETH_BTC, mark)).getLeft())
                .isEqualTo(new LedgerRefusal.NotAccountCurrency(ETH_BTC, USDT));
    }

    @Test
    void equity_is_refused_while_an_open_position_has_no_mark() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", usdt("0"), 0));
        assertThat(ledger.equity(ETH_USDT, price(ETH_USDT, "2000")).getLeft())
                .isEqualTo(new LedgerRefusal.MarkMissing(BTC_USDT));
        assertThat(ledger.equity(Map.of()).getLeft()).isEqualTo(new LedgerRefusal.MarkMissing(BTC_USDT));
    }

    @Test
    void equity_over_several_instruments_adds_each_position_at_its_own_mark() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", usdt("0"), 0));
        book(ledger, fill(ETH_USDT, Side.BUY, "10", "2000", usdt("0"), 1));
        // 100,000 - 30,000 - 20,000 = 50,000; + 1 * 31,000 + 10 * 1,900 = 100,000
        assertAmount(ledger.equity(Map.of(BTC_USDT, price(BTC_USDT, "31000"), ETH_USDT, price(ETH_USDT, "1900")))
                .get(), "100000", USDT);
    }

    @Test
    void snapshots_do_not_change_when_the_ledger_books_more_fills() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", usdt("0"), 0));
        Position before = ledger.position(BTC_USDT);
        var tradesBefore = ledger.closedTrades();
        book(ledger, fill(BTC_USDT, Side.SELL, "0.4", "31000", usdt("0"), 1));
        assertThat(before.lots().head().quantity().toBigDecimal()).isEqualByComparingTo("1");
        assertThat(before.quantity().toBigDecimal()).isEqualByComparingTo("1");
        assertThat(tradesBefore).isEmpty();
    }

    @Test
    void a_flat_position_needs_no_mark_and_can_be_reopened() {
        Ledger ledger = Ledger.open(usdt("100000"));
        book(ledger, fill(ETH_USDT, Side.BUY, "1", "2000", usdt("0"), 0));
        PositionChanged closed = book(ledger, fill(ETH_USDT, Side.SELL, "1", "2100", usdt("0"), 1));
        assertThat(closed.newQuantity().units()).isZero();
        book(ledger, fill(BTC_USDT, Side.BUY, "1", "30000", usdt("0"), 2));
        // ETH is flat, so marking BTC alone is enough: 100,000 + 100 - 30,000 + 1 * 30,500 = 100,600
        assertAmount(ledger.equity(BTC_USDT, price(BTC_USDT, "30500")).get(), "100600", USDT);
        book(ledger, fill(ETH_USDT, Side.BUY, "2", "2050", usdt("0"), 3));
        assertThat(ledger.equity(BTC_USDT, price(BTC_USDT, "30500")).getLeft())
                .isEqualTo(new LedgerRefusal.MarkMissing(ETH_USDT));
        // realized P&L survives the reopening: 1 * (2,100 - 2,000) = 100
        assertAmount(ledger.position(ETH_USDT).realizedPnl(), "100", USDT);
        assertThat(ledger.position(ETH_USDT).lots()).hasSize(1);
    }
}
