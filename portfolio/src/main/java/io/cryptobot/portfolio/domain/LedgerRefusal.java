package io.cryptobot.portfolio.domain;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Quantity;
import java.util.Objects;

/** Why the ledger refused a fill or a mark. A refused fill leaves the ledger exactly as it was. */
public sealed interface LedgerRefusal {
    InstrumentId instrument();

    String reason();

    /** Spot is long-only: a sell may close at most what the lots hold. */
    record InsufficientPosition(InstrumentId instrument, Quantity held, Quantity requested) implements LedgerRefusal {
        public InsufficientPosition {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(held, "held");
            Objects.requireNonNull(requested, "requested");
        }

        @Override
        public String reason() {
            return "cannot sell " + requested + " " + instrument.base() + ": only " + held + " held";
        }
    }

    /**
     * The fee is in neither the base nor the quote asset (e.g. BNB), or in the base asset on a sell; the
     * ledger cannot value it in the quote at the fill's price, so it would not be exact.
     */
    record UnsupportedFee(InstrumentId instrument, Money fee) implements LedgerRefusal {
        public UnsupportedFee {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(fee, "fee");
        }

        @Override
        public String reason() {
            return "a fee of " + fee + " on " + instrument + " is not supported: fees are paid in the quote, or in the base on buys";
        }
    }

    /** A base-asset fee on a buy must leave something to hold. */
    record FeeNotBelowQuantity(InstrumentId instrument, Money fee, Quantity quantity) implements LedgerRefusal {
        public FeeNotBelowQuantity {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(fee, "fee");
            Objects.requireNonNull(quantity, "quantity");
        }

        @Override
        public String reason() {
            return "a fee of " + fee + " leaves nothing of " + quantity + " bought";
        }
    }

    /** Equity is in one account currency; a position quoted in another cannot be added without a conversion. */
    record NotAccountCurrency(InstrumentId instrument, Asset accountCurrency) implements LedgerRefusal {
        public NotAccountCurrency {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(accountCurrency, "accountCurrency");
        }

        @Override
        public String reason() {
            return instrument + " is quoted in " + instrument.quote() + ", the account in " + accountCurrency;
        }
    }

    /** An open position was given no mark, so equity would silently leave it out. */
    record MarkMissing(InstrumentId instrument) implements LedgerRefusal {
        public MarkMissing {
            Objects.requireNonNull(instrument, "instrument");
        }

        @Override
        public String reason() {
            return "the open position in " + instrument + " has no mark";
        }
    }
}
