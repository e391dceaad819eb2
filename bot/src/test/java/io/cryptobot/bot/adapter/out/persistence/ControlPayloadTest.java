package io.cryptobot.bot.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPayloadTest {
    @Test
    void every_kind_of_venue_report_comes_back_from_its_stored_payload_exactly() {
        List<VenueReport> reports = List.of(
                new VenueReport.Accepted("c1", "8389765", 1),
                new VenueReport.Rejected("c2", "-2010: Account has insufficient balance", 2),
                new VenueReport.Triggered("c3", 3),
                new VenueReport.Filled("c1", "T-77", new Quantity(12_345, 5), new Price(4_210_012, 2),
                        new Money(73, 8, new Asset("BNB")), LiquiditySide.MAKER, 4),
                new VenueReport.Canceled("c1", "canceled", 5),
                new VenueReport.Expired("c4", 6));
        for (VenueReport report : reports) {
            BotControl control = BotControl.venueReport(report, 60_000, Instant.EPOCH);
            JsonObject stored = new JsonObject(ControlPayload.of(control).encode());
            assertThat(ControlPayload.report(BotControl.Kind.VENUE_REPORT, stored).get()).isEqualTo(report);
            assertThat(ControlPayload.placed(BotControl.Kind.VENUE_REPORT, stored)).isEmpty();
        }
    }
}
