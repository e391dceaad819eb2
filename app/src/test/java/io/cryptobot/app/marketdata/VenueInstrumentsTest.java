package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.market.VenueSymbol.Status;
import io.cryptobot.marketdata.application.port.in.MayOpenPositionQuery;
import io.cryptobot.marketdata.application.port.in.SyncVenueInstrumentsUseCase;
import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instruments synced from the test venue SCRIPTED: rules and status on the instrument, events, the opening query. */
@QuarkusTest
class VenueInstrumentsTest {
    private final TestUser trader = TestUsers.create("trader");

    @Inject
    ScriptedTestVenue venue;

    @Inject
    SyncVenueInstrumentsUseCase sync;

    @Inject
    MayOpenPositionQuery mayOpen;

    @Inject
    InstrumentStatusEvents events;

    @Test
    void a_sync_puts_the_venues_rules_and_status_on_the_instrument() {
        InstrumentId id = defined("0.01", "0.00001");
        given().header("Authorization", trader.bearer()).get(path(id))
                .then().statusCode(200).body("listing", nullValue());

        sync.syncAll();

        given().header("Authorization", trader.bearer()).get(path(id))
                .then().statusCode(200)
                .body("listing.status", equalTo("trading"))
                .body("listing.listed", equalTo(true))
                .body("listing.tickSize", equalTo("0.01"))
                .body("listing.stepSize", equalTo("0.00001"))
                .body("listing.minNotional", equalTo("5"))
                .body("listing.mismatch", nullValue());
        assertThat(mayOpen.mayOpen(id)).contains(id);
    }

    @Test
    void a_halt_on_the_venue_is_an_event_shows_on_the_instrument_and_stops_new_positions() {
        InstrumentId id = defined("0.01", "0.00001");
        sync.syncAll();
        venue.status(id, Status.HALTED);

        sync.syncAll();

        assertThat(events.seen()).filteredOn(e -> e.instrument().equals(id))
                .extracting(InstrumentStatusChanged::status).containsExactly(Status.HALTED);
        given().header("Authorization", trader.bearer()).get(path(id))
                .then().statusCode(200).body("listing.status", equalTo("halted"));
        assertThat(mayOpen.mayOpen(id).getLeft().code()).isEqualTo("marketdata.instrument.halted");

        venue.status(id, Status.TRADING);
        sync.syncAll();

        assertThat(mayOpen.mayOpen(id)).contains(id);
    }

    @Test
    void an_instrument_defined_with_a_coarser_tick_than_the_venues_keeps_it_and_shows_the_mismatch() {
        InstrumentId id = defined("0.1", "0.00001");

        sync.syncAll();

        given().header("Authorization", trader.bearer()).get(path(id))
                .then().statusCode(200)
                .body("tickSize", equalTo("0.1"))
                .body("listing.tickSize", equalTo("0.01"))
                .body("listing.mismatch", equalTo("the venue's tick 0.01 is not a multiple of the tick 0.1 fixed "
                        + "when the instrument was defined: venue prices between those ticks cannot be stored, "
                        + "and a download stops at the first one"));
    }

    @Test
    void an_instrument_the_venue_does_not_list_is_delisted() {
        String base = DownloadApiTest.newBase();
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "SCRIPTED", "base", base, "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.00001"))
                .post("/api/marketdata/instruments").then().statusCode(201);
        InstrumentId id = InstrumentId.parse("SCRIPTED:" + base + "/USDT").get();

        sync.syncAll();

        given().header("Authorization", trader.bearer()).get(path(id))
                .then().statusCode(200)
                .body("listing.status", equalTo("delisted"))
                .body("listing.listed", equalTo(false))
                .body("listing.tickSize", nullValue());
        assertThat(mayOpen.mayOpen(id).getLeft().code()).isEqualTo("marketdata.instrument.delisted");
    }

    private InstrumentId defined(String tick, String step) {
        InstrumentId id = venue.list(DownloadApiTest.newBase(), DownloadApiTest.START, 10);
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "SCRIPTED", "base", id.base().code(), "quote", "USDT", "tickSize", tick,
                        "stepSize", step))
                .post("/api/marketdata/instruments").then().statusCode(201);
        return id;
    }

    private static String path(InstrumentId id) {
        return "/api/marketdata/instruments/SCRIPTED/" + id.base().code() + "/USDT";
    }
}
