package io.cryptobot.portfolio.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.portfolio.domain.ClosedTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Four trades worked by hand: nets 9.00 and −6.00 (BTC, Monday 1 January 2024), 0.00 (ETH, 2 January), 20.00
 * (ETH, Monday 5 February, ISO week 6).
 */
class TradeAnalyticsTest {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    static final InstrumentId ETH = InstrumentId.parse("SIM:ETH/USDT").get();
    static final List<ClosedTrade> TRADES = List.of(
            trade(BTC, "2024-01-01T10:00:00Z", "10.00", "1.00"),
            trade(BTC, "2024-01-01T23:59:00Z", "-5.00", "1.00"),
            trade(ETH, "2024-01-02T00:30:00Z", "0.50", "0.50"),
            trade(ETH, "2024-02-05T12:00:00Z", "21.00", "1.00"));

    @Test
    void net_pnl_is_summed_exactly_by_the_day_week_and_month_a_trade_closed_in() {
        assertThat(plain(TradeAnalytics.netPnlBy(TradeAnalytics.Period.DAY, TRADES)))
                .containsExactly(Map.entry("2024-01-01", "3"), Map.entry("2024-01-02", "0"),
                        Map.entry("2024-02-05", "20"));
        assertThat(plain(TradeAnalytics.netPnlBy(TradeAnalytics.Period.WEEK, TRADES)))
                .containsExactly(Map.entry("2024-W01", "3"), Map.entry("2024-W06", "20"));
        assertThat(plain(TradeAnalytics.netPnlBy(TradeAnalytics.Period.MONTH, TRADES)))
                .containsExactly(Map.entry("2024-01", "3"), Map.entry("2024-02", "20"));
        assertThat(plain(TradeAnalytics.netPnlByInstrument(TRADES)))
                .containsExactly(Map.entry("SIM:BTC/USDT", "3"), Map.entry("SIM:ETH/USDT", "20"));
    }

    @Test
    void results_spread_over_equal_bins_from_the_worst_to_the_best() {
        // from -6 to 20 in 4 bins of 6.5: [-6, 0.5) holds -6 and 0, [0.5, 7) none, [7, 13.5) 9, [13.5, 20] 20
        TradeAnalytics.Distribution spread = TradeAnalytics.distribution(TRADES, 4);
        assertThat(spread.wins()).isEqualTo(2);
        assertThat(spread.losses()).isEqualTo(1);
        assertThat(spread.even()).isEqualTo(1);
        assertThat(spread.bins()).extracting(TradeAnalytics.Bin::trades).containsExactly(2, 0, 1, 1);
        assertThat(spread.bins().get(1).from()).isEqualByComparingTo("0.5");
        assertThat(spread.bins().get(3).to()).isEqualByComparingTo("20");
    }

    @Test
    void no_trades_no_bins_and_equal_results_one_bin() {
        assertThat(TradeAnalytics.distribution(List.of(), 10).bins()).isEmpty();
        TradeAnalytics.Distribution same = TradeAnalytics.distribution(List.of(TRADES.get(0), TRADES.get(0)), 10);
        assertThat(same.bins()).hasSize(1);
        assertThat(same.bins().get(0).trades()).isEqualTo(2);
    }

    private static Map<String, String> plain(Map<String, BigDecimal> sums) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        sums.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
        return out;
    }

    private static ClosedTrade trade(InstrumentId instrument, String exit, String gross, String fees) {
        return new ClosedTrade(instrument, Instant.parse(exit).minusSeconds(3_600), Instant.parse(exit),
                new Quantity(1, 0), new Price(100, 0), new Price(100, 0), money(gross), money(fees));
    }

    private static Money money(String amount) {
        BigDecimal value = new BigDecimal(amount);
        return new Money(value.unscaledValue().longValueExact(), value.scale(), BTC.quote());
    }
}
