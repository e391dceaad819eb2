package io.cryptobot.exchange.domain.wallet;

import io.cryptobot.exchange.domain.connection.VenueBalance;
import io.cryptobot.kernel.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A venue account's balances on {@code venue}, read at {@code at}, against what the platform's ledgers on that account claim (the
 * bots in {@code bots}), asset by asset: every asset either side holds, in asset order. The venue may hold more than
 * the ledgers (money no bot claims: {@code unallocated} positive, fine); a ledger claiming more than the venue holds
 * is a shortfall the platform cannot explain: {@code drift}. Exact: amounts are compared by value, whatever their
 * scales.
 */
public record WalletReconciliation(Venue venue, Instant at, List<AssetLine> assets, List<UUID> bots) {
    public WalletReconciliation {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(at, "at");
        assets = List.copyOf(assets);
        bots = List.copyOf(bots);
    }

    /**
     * One asset: the venue's free and locked amounts and their total, the sum of the ledgers' balances, and
     * {@code unallocated} = venue total minus ledgers (negative exactly when {@code drift}).
     */
    public record AssetLine(String asset, BigDecimal venueFree, BigDecimal venueLocked, BigDecimal venueTotal,
                            BigDecimal ledgers, BigDecimal unallocated) {
        public AssetLine {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(venueFree, "venueFree");
            Objects.requireNonNull(venueLocked, "venueLocked");
            Objects.requireNonNull(venueTotal, "venueTotal");
            Objects.requireNonNull(ledgers, "ledgers");
            Objects.requireNonNull(unallocated, "unallocated");
        }

        /** The ledgers claim more than the venue holds. */
        public boolean drift() {
            return unallocated.signum() < 0;
        }
    }

    /**
     * Compares {@code venue} (one entry per asset, as the venue lists them) with {@code ledgers} (the sum of the
     * bots' balances by asset code). An asset a ledger holds and the venue does not list counts as zero there.
     */
    public static WalletReconciliation of(Venue where, Instant at, List<VenueBalance> venue,
                                          Map<String, BigDecimal> ledgers, List<UUID> bots) {
        Map<String, BigDecimal[]> byAsset = new TreeMap<>();
        for (VenueBalance balance : venue) {
            BigDecimal[] amounts = byAsset.computeIfAbsent(balance.asset(),
                    a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            amounts[0] = amounts[0].add(balance.free());
            amounts[1] = amounts[1].add(balance.locked());
        }
        ledgers.forEach((asset, amount) -> {
            if (amount.signum() != 0 || byAsset.containsKey(asset)) {
                byAsset.computeIfAbsent(asset, a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO})[2] = amount;
            }
        });
        List<AssetLine> lines = new ArrayList<>();
        byAsset.forEach((asset, amounts) -> {
            BigDecimal total = amounts[0].add(amounts[1]);
            if (total.signum() != 0 || amounts[2].signum() != 0) {
                lines.add(new AssetLine(asset, amounts[0], amounts[1], total, amounts[2], total.subtract(amounts[2])));
            }
        });
        return new WalletReconciliation(where, at, lines, bots);
    }

    /** No asset drifts. */
    public boolean reconciled() {
        return assets.stream().noneMatch(AssetLine::drift);
    }
}
