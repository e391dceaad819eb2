package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.kernel.domain.market.VenueSymbol.Status;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the venue last said about a catalog instrument, refreshed by the instrument sync: its rules and whether it
 * trades ({@code TRADING}), is {@code HALTED} or {@code DELISTED}. An instrument the venue no longer lists (or never
 * listed) is {@code DELISTED} with {@code listed = false}, keeping the rules last seen, if any.
 *
 * <p>The instrument's own tick and step never change once defined (they fix the scales of every stored candle and
 * order), so the venue's rules are kept beside them, never in their place. {@link #mismatch} says when the two no
 * longer fit: a venue tick that is not a whole number of the instrument's ticks (typically a finer one) means some
 * venue prices cannot be stored exactly.
 */
public record VenueListing(InstrumentId instrument, Option<VenueRules> rules, Status status, boolean listed,
                           Instant statusSince, Instant syncedAt) {

    public VenueListing {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusSince, "statusSince");
        Objects.requireNonNull(syncedAt, "syncedAt");
        if (!listed && status != Status.DELISTED) {
            throw new IllegalArgumentException("an instrument the venue does not list is delisted");
        }
        if (listed && rules.isEmpty()) {
            throw new IllegalArgumentException("a listed instrument has the venue's rules");
        }
    }

    /** The venue lists the symbol: its rules and status now; the status keeps its date unless it changed. */
    public static VenueListing seen(VenueSymbol symbol, Option<VenueListing> before, Instant now) {
        VenueRules rules = new VenueRules(symbol.venueSymbol(), symbol.tickSize(), symbol.stepSize(),
                symbol.minNotional(), symbol.priceBand());
        return new VenueListing(symbol.instrument(), Option.some(rules), symbol.status(), true,
                since(before, symbol.status(), now), now);
    }

    /** The venue's symbol list no longer has (or never had) the instrument. */
    public static VenueListing missing(InstrumentId instrument, Option<VenueListing> before, Instant now) {
        return new VenueListing(instrument, before.flatMap(VenueListing::rules), Status.DELISTED, false,
                since(before, Status.DELISTED, now), now);
    }

    /** Whether this listing's status differs from the one known before (none known counts as trading). */
    public boolean statusChangedFrom(Option<VenueListing> before) {
        return before.map(VenueListing::status).getOrElse(Status.TRADING) != status;
    }

    /**
     * Why the venue's rules do not fit the instrument's fixed tick and step, if they do not: every venue price must be
     * a whole number of the instrument's ticks (the venue tick a multiple of it), and likewise every venue quantity.
     */
    public Option<String> mismatch(Instrument instrument) {
        if (rules.isEmpty()) {
            return Option.none();
        }
        VenueRules venue = rules.get();
        List<String> found = List.empty();
        if (!multipleOf(venue.tickSize(), instrument.tickSize().toBigDecimal())) {
            found = found.append("the venue's tick " + plain(venue.tickSize()) + " is not a multiple of the tick "
                    + plain(instrument.tickSize().toBigDecimal()) + " fixed when the instrument was defined: venue "
                    + "prices between those ticks cannot be stored, and a download stops at the first one");
        }
        if (!multipleOf(venue.stepSize(), instrument.stepSize().toBigDecimal())) {
            found = found.append("the venue's step " + plain(venue.stepSize()) + " is not a multiple of the step "
                    + plain(instrument.stepSize().toBigDecimal()) + " fixed when the instrument was defined: "
                    + "volumes with more decimals cannot be stored");
        }
        return found.isEmpty() ? Option.none() : Option.some(found.mkString("; "));
    }

    private static boolean multipleOf(BigDecimal value, BigDecimal unit) {
        return value.compareTo(unit) >= 0 && value.remainder(unit).signum() == 0;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Instant since(Option<VenueListing> before, Status now, Instant at) {
        return before.filter(b -> b.status() == now).map(VenueListing::statusSince).getOrElse(at);
    }
}
