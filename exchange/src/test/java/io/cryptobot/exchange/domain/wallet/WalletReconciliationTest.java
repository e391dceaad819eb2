package io.cryptobot.exchange.domain.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.domain.connection.VenueBalance;
import io.cryptobot.kernel.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WalletReconciliationTest {
    private static final Venue BINANCE = new Venue("BINANCE");
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    private static VenueBalance venue(String asset, String free, String locked) {
        return new VenueBalance(asset, new BigDecimal(free), new BigDecimal(locked));
    }

    @Test
    void money_no_ledger_claims_is_unallocated_and_no_drift() {
        WalletReconciliation wallet = WalletReconciliation.of(BINANCE, AT,
                List.of(venue("USDT", "1200.5", "50"), venue("BTC", "0.01", "0.005")),
                Map.of("USDT", new BigDecimal("500.00")), List.of(UUID.randomUUID()));
        assertThat(wallet.reconciled()).isTrue();
        assertThat(wallet.assets()).extracting(WalletReconciliation.AssetLine::asset).containsExactly("BTC", "USDT");
        WalletReconciliation.AssetLine usdt = wallet.assets().get(1);
        assertThat(usdt.venueTotal()).isEqualByComparingTo("1250.5");
        assertThat(usdt.unallocated()).isEqualByComparingTo("750.5");
        assertThat(usdt.drift()).isFalse();
        assertThat(wallet.assets().get(0).ledgers()).isZero();
    }

    @Test
    void a_ledger_claiming_more_than_the_venue_holds_drifts_by_the_shortfall() {
        WalletReconciliation wallet = WalletReconciliation.of(BINANCE, AT, List.of(venue("USDT", "400", "0")),
                Map.of("USDT", new BigDecimal("500")), List.of());
        assertThat(wallet.reconciled()).isFalse();
        assertThat(wallet.assets().get(0).unallocated()).isEqualByComparingTo("-100");
        assertThat(wallet.assets().get(0).drift()).isTrue();
    }

    @Test
    void an_asset_the_venue_does_not_list_is_zero_there() {
        WalletReconciliation wallet = WalletReconciliation.of(BINANCE, AT, List.of(),
                Map.of("ETH", new BigDecimal("0.2"), "BTC", BigDecimal.ZERO), List.of());
        assertThat(wallet.assets()).singleElement().satisfies(eth -> {
            assertThat(eth.asset()).isEqualTo("ETH");
            assertThat(eth.venueTotal()).isZero();
            assertThat(eth.drift()).isTrue();
        });
    }

    @Test
    void equal_amounts_at_different_scales_are_no_drift() {
        WalletReconciliation wallet = WalletReconciliation.of(BINANCE, AT, List.of(venue("USDT", "500.00000000", "0E-8")),
                Map.of("USDT", new BigDecimal("500")), List.of());
        assertThat(wallet.reconciled()).isTrue();
        assertThat(wallet.assets().get(0).unallocated()).isZero();
    }
}
