package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstrumentResourceTest {
    private final TestUser trader = TestUsers.create("trader");

    @Test
    void a_trader_defines_an_instrument_and_anyone_reads_it_with_its_scales() {
        String base = MarketData.newInstrument(trader);
        TestUser viewer = TestUsers.create("viewer");

        given().header("Authorization", viewer.bearer())
                .get("/api/marketdata/instruments/" + MarketData.VENUE + "/" + base + "/USDT")
                .then().statusCode(200)
                .body("id", equalTo(MarketData.instrument(base)))
                .body("tickSize", equalTo("0.01"))
                .body("stepSize", equalTo("0.00001"))
                .body("priceScale", equalTo(2))
                .body("quantityScale", equalTo(5));
    }

    @Test
    void defining_the_same_pair_twice_is_a_conflict() {
        String base = MarketData.newInstrument(trader);

        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", MarketData.VENUE, "base", base, "quote", "USDT", "tickSize", "0.1",
                        "stepSize", "1"))
                .post("/api/marketdata/instruments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("marketdata.instrument.exists"));
    }

    @Test
    void an_invalid_definition_lists_every_violation_and_stores_nothing() {
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "?", "base", "NEWCOIN1", "quote", "NEWCOIN1", "tickSize", "0",
                        "stepSize", "x"))
                .post("/api/marketdata/instruments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("venue", "quote", "tickSize", "stepSize"));
    }

    @Test
    void lists_instruments_in_pages() {
        MarketData.newInstrument(trader);
        MarketData.newInstrument(trader);

        given().header("Authorization", trader.bearer())
                .queryParam("limit", 1)
                .get("/api/marketdata/instruments")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("limit", equalTo(1))
                .body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void an_unknown_instrument_is_not_found() {
        given().header("Authorization", trader.bearer())
                .get("/api/marketdata/instruments/" + MarketData.VENUE + "/NOSUCHCOIN/USDT")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("marketdata.instrument.not_found"));
    }

    @Test
    void a_viewer_cannot_define_instruments() {
        TestUser viewer = TestUsers.create("viewer");

        given().header("Authorization", viewer.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "BINANCE", "base", "VIEWCOIN", "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "1"))
                .post("/api/marketdata/instruments")
                .then().statusCode(403);
    }

    @Test
    void without_a_token_the_catalog_is_closed() {
        given().get("/api/marketdata/instruments").then().statusCode(401);
    }
}
