package io.cryptobot.exchange.adapter.in.rest;

import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.wallet.WalletReconciliation;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A venue connection's wallet against the platform's ledgers on it; decimals as exact strings. */
@Schema(description = "A venue account's balances against the ledgers of the caller's bots on it, asset by asset")
public record WalletReconciliationResponse(
        String accountId,
        String venue,
        @Schema(description = "When the venue's balances were read (a reading is reused for a few seconds)")
        Instant at,
        @Schema(description = "true when no asset drifts") boolean reconciled,
        @Schema(description = "The bots whose ledgers are counted: the caller's bots on the account that may still "
                + "trade it (created, running, paused or failed)") List<String> bots,
        @Schema(description = "Every asset the venue or a ledger holds, by asset code") List<AssetLine> assets) {

    /**
     * {@code unallocated} = venue total minus ledgers: positive is money on the venue no bot claims; {@code drift}:
     * the ledgers claim more than the venue holds.
     */
    public record AssetLine(
            String asset,
            @Schema(description = "Free on the venue") String venueFree,
            @Schema(description = "Locked on the venue by open orders") String venueLocked,
            @Schema(description = "venueFree + venueLocked") String venueTotal,
            @Schema(description = "The counted bots' ledger balances, summed") String ledgers,
            @Schema(description = "venueTotal - ledgers; negative exactly when drift") String unallocated,
            @Schema(description = "The ledgers claim more than the venue holds: a shortfall the platform cannot "
                    + "explain") boolean drift) {
    }

    static WalletReconciliationResponse of(AccountId account, WalletReconciliation reconciliation) {
        return new WalletReconciliationResponse(account.toString(), reconciliation.venue().code(), reconciliation.at(),
                reconciliation.reconciled(), reconciliation.bots().stream().map(UUID::toString).toList(),
                reconciliation.assets().stream().map(line -> new AssetLine(line.asset(),
                        Decimals.exact(line.venueFree()), Decimals.exact(line.venueLocked()),
                        Decimals.exact(line.venueTotal()), Decimals.exact(line.ledgers()),
                        Decimals.exact(line.unallocated()), line.drift())).toList());
    }
}
