package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.kernel.domain.market.VenueSymbol.Status;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VenueListingTest {
    private final Instrument btc = Fixtures.btcUsdt();
    private final Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
    private final Instant t2 = Instant.parse("2024-01-01T01:00:00Z");

    private VenueSymbol symbol(String tick, String step, Status status) {
        return new VenueSymbol(btc.id(), "BTCUSDT", new BigDecimal(tick), new BigDecimal(step),
                Option.some(new BigDecimal("5")), status);
    }

    @Test
    void rules_that_are_multiples_of_the_instruments_fit() {
        assertThat(VenueListing.seen(symbol("0.01000000", "0.00001000", Status.TRADING), Option.none(), t1)
                .mismatch(btc)).isEmpty();
        assertThat(VenueListing.seen(symbol("0.10", "0.001", Status.TRADING), Option.none(), t1)
                .mismatch(btc)).as("a coarser tick still gives storable prices").isEmpty();
    }

    @Test
    void a_finer_venue_tick_or_step_is_a_mismatch_and_says_so() {
        VenueListing finer = VenueListing.seen(symbol("0.001", "0.000001", Status.TRADING), Option.none(), t1);

        assertThat(finer.mismatch(btc).get())
                .contains("the venue's tick 0.001 is not a multiple of the tick 0.01 fixed when the instrument was "
                        + "defined")
                .contains("the venue's step 0.000001 is not a multiple of the step 0.00001");
        assertThat(VenueListing.seen(symbol("0.015", "0.00001", Status.TRADING), Option.none(), t1).mismatch(btc)
                .isDefined()).isTrue();
    }

    @Test
    void the_status_keeps_its_date_until_it_changes() {
        VenueListing first = VenueListing.seen(symbol("0.01", "0.00001", Status.TRADING), Option.none(), t1);
        VenueListing same = VenueListing.seen(symbol("0.01", "0.00001", Status.TRADING), Option.some(first), t2);
        VenueListing halted = VenueListing.seen(symbol("0.01", "0.00001", Status.HALTED), Option.some(same), t2);

        assertThat(same.statusSince()).isEqualTo(t1);
        assertThat(same.statusChangedFrom(Option.some(first))).isFalse();
        assertThat(halted.statusSince()).isEqualTo(t2);
        assertThat(halted.statusChangedFrom(Option.some(same))).isTrue();
    }

    @Test
    void a_pair_the_venue_stops_listing_is_delisted_and_keeps_its_last_rules() {
        VenueListing listed = VenueListing.seen(symbol("0.01", "0.00001", Status.TRADING), Option.none(), t1);

        VenueListing gone = VenueListing.missing(btc.id(), Option.some(listed), t2);

        assertThat(gone.status()).isEqualTo(Status.DELISTED);
        assertThat(gone.listed()).isFalse();
        assertThat(gone.rules()).isEqualTo(listed.rules());
        assertThat(VenueListing.missing(btc.id(), Option.none(), t2).rules()).isEmpty();
    }
}
