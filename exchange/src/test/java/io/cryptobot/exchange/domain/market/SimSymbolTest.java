package io.cryptobot.exchange.domain.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SimSymbolTest {
    private static final Venue SIM = new Venue("SIM");

    @Test
    void a_configured_list_is_read_with_defaults_for_what_is_left_out() {
        Validation<Seq<String>, List<SimSymbol>> parsed = SimSymbol.parseAll(SIM,
                "BTC/USDT price=60000 tick=0.01 step=0.00001 min-notional=5 volatility=0.0008 volume=2.5,"
                        + " eth/usdt price=3000 tick=0.01 step=0.0001");
        assertThat(parsed.isValid()).as("%s", parsed).isTrue();
        SimSymbol btc = parsed.get().get(0);
        assertThat(btc.instrument().toString()).isEqualTo("SIM:BTC/USDT");
        assertThat(btc.venueSymbol()).isEqualTo("BTCUSDT");
        assertThat(btc.minNotional().get()).isEqualByComparingTo("5");
        assertThat(btc.baseVolume()).isEqualByComparingTo("2.5");
        SimSymbol eth = parsed.get().get(1);
        assertThat(eth.instrument().toString()).isEqualTo("SIM:ETH/USDT");
        assertThat(eth.minNotional().isEmpty()).isTrue();
        assertThat(eth.volatility()).isEqualTo(SimSymbol.DEFAULT_VOLATILITY);
        assertThat(eth.baseVolume()).isEqualByComparingTo(BigDecimal.ONE);
        VenueSymbol listed = btc.listing();
        assertThat(listed.status()).isEqualTo(VenueSymbol.Status.TRADING);
        assertThat(listed.tickSize()).isEqualByComparingTo("0.01");
        assertThat(listed.stepSize()).isEqualByComparingTo("0.00001");
    }

    @Test
    void every_problem_of_every_entry_is_named_with_its_position() {
        Validation<Seq<String>, List<SimSymbol>> parsed = SimSymbol.parseAll(SIM,
                "BTC/USDT price=60000 tick=0.01, ETHUSDT price=x tick=0.01 step=0.1 colour=red,"
                        + " BTC/USDT price=1 tick=0.01 step=0.1 volume=0.25");
        assertThat(parsed.isInvalid()).isTrue();
        assertThat(parsed.getError()).containsExactlyInAnyOrder(
                "symbol 1: step= is missing",
                "symbol 2: symbol must look like BASE/QUOTE, got 'ETHUSDT'",
                "symbol 2: 'colour=red' is not one of price=, tick=, step=, min-notional=, volatility=, volume=",
                "symbol 2: price 'x' is not a decimal number",
                "symbol 3: volume must be a multiple of the step");
        assertThat(SimSymbol.parseAll(SIM, "BTC/USDT price=1 tick=0.01 step=1, BTC/USDT price=2 tick=0.01 step=1")
                .getError()).containsExactly("symbol 2: BTC/USDT is listed twice");
        assertThat(SimSymbol.parseAll(SIM, " ").getError()).containsExactly("at least one symbol is needed");
    }
}
