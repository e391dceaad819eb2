package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.market.VenueSymbol.Status;
import io.cryptobot.marketdata.application.port.in.MayOpenPositionQuery;
import io.cryptobot.marketdata.application.port.in.SyncVenueInstrumentsUseCase;
import io.cryptobot.marketdata.application.port.in.SyncVenueInstrumentsUseCase.VenueSync;
import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instruments synced from the fake Binance's exchange information through the real adapter. */
@QuarkusTest
class VenueInstrumentSyncTest {
    private final TestUser trader = TestUsers.create("trader");
    private final FakeBinance binance = FakeVenuesTestResource.binance();

    @Inject
    SyncVenueInstrumentsUseCase sync;

    @Inject
    MayOpenPositionQuery mayOpen;

    @Inject
    InstrumentStatusEvents events;

    @Test
    void filters_and_status_come_from_exchange_info_and_a_break_stops_new_positions_until_the_symbol_trades_again() {
        String base = DownloadApiTest.newBase();
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00001000", "10.00000000");
        InstrumentId id = define(base);

        assertThat(binanceRound()).satisfies(round -> assertThat(round.failure().isEmpty()).isTrue());
        given().header("Authorization", trader.bearer()).get(path(base)).then().statusCode(200)
                .body("listing.venueSymbol", equalTo(base + "USDT"))
                .body("listing.status", equalTo("trading"))
                .body("listing.listed", equalTo(true))
                .body("listing.tickSize", equalTo("0.01"))
                .body("listing.stepSize", equalTo("0.00001"))
                .body("listing.minNotional", equalTo("10"));
        assertThat(mayOpen.mayOpen(id)).contains(id);

        binance.symbol(base, "USDT", "BREAK", "0.01000000", "0.00001000", "10.00000000");
        binanceRound();

        given().header("Authorization", trader.bearer()).get(path(base)).then().statusCode(200)
                .body("listing.status", equalTo("halted"));
        assertThat(mayOpen.mayOpen(id).getLeft().code()).isEqualTo("marketdata.instrument.halted");

        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00001000", "10.00000000");
        binanceRound();

        given().header("Authorization", trader.bearer()).get(path(base)).then().statusCode(200)
                .body("listing.status", equalTo("trading"));
        assertThat(mayOpen.mayOpen(id)).contains(id);
        assertThat(events.seen()).filteredOn(e -> e.instrument().equals(id))
                .extracting(InstrumentStatusChanged::status).containsExactly(Status.HALTED, Status.TRADING);
    }

    @Test
    void new_filters_replace_the_old_ones_and_a_symbol_gone_from_exchange_info_is_delisted() {
        String base = DownloadApiTest.newBase();
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00001000", "10.00000000");
        InstrumentId id = define(base);
        binanceRound();

        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00010000", null);
        binanceRound();

        given().header("Authorization", trader.bearer()).get(path(base)).then().statusCode(200)
                .body("listing.stepSize", equalTo("0.0001"))
                .body("listing.minNotional", nullValue());

        binance.unlist(base + "USDT");
        binanceRound();

        given().header("Authorization", trader.bearer()).get(path(base)).then().statusCode(200)
                .body("listing.status", equalTo("delisted"))
                .body("listing.listed", equalTo(false));
        assertThat(mayOpen.mayOpen(id).getLeft().code()).isEqualTo("marketdata.instrument.delisted");
    }

    private VenueSync binanceRound() {
        return sync.syncAll().stream().filter(round -> round.venue().code().equals("BINANCE")).findFirst()
                .orElseThrow(() -> new AssertionError("BINANCE was not synced"));
    }

    private InstrumentId define(String base) {
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "BINANCE", "base", base, "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.00001"))
                .post("/api/marketdata/instruments").then().statusCode(201);
        return InstrumentId.parse("BINANCE:" + base + "/USDT").get();
    }

    private static String path(String base) {
        return "/api/marketdata/instruments/BINANCE/" + base + "/USDT";
    }
}
