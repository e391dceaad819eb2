package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.marketdata.application.port.in.FailInterruptedImportsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A job a killed process left in "importing" is failed at the next start instead of showing progress forever. */
@QuarkusTest
class InterruptedImportsTest {

    @Inject
    FailInterruptedImportsUseCase failInterrupted;

    @Test
    void a_job_left_importing_by_a_dead_process_is_reported_failed_with_the_reason() throws Exception {
        TestUser trader = TestUsers.create("trader");
        UUID jobId = UUID.randomUUID();
        insertJob(jobId, trader.id(), "importing");

        failInterrupted.failInterrupted();

        given().header("Authorization", trader.bearer())
                .get("/api/marketdata/imports/" + jobId)
                .then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("failure", containsString("interrupted by an application restart"));
    }

    @Test
    void finished_jobs_are_left_as_they_are() throws Exception {
        TestUser trader = TestUsers.create("trader");
        UUID jobId = UUID.randomUUID();
        insertJob(jobId, trader.id(), "completed");

        failInterrupted.failInterrupted();

        given().header("Authorization", trader.bearer())
                .get("/api/marketdata/imports/" + jobId)
                .then().statusCode(200).body("status", equalTo("completed"));
    }

    private static void insertJob(UUID id, UUID owner, String status) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
             PreparedStatement insert = connection.prepareStatement("INSERT INTO marketdata.import_jobs "
                     + "(id, owner_id, instrument, timeframe, source, status, rows_total, rows_done, created_at, "
                     + "started_at, finished_at) VALUES (?, ?, 'TESTVENUE:ABC/USDT', '1m', 'upload.csv', ?, 10, 4, "
                     + "now(), now(), CASE WHEN ? = 'completed' THEN now() END)")) {
            insert.setObject(1, id);
            insert.setObject(2, owner);
            insert.setString(3, status);
            insert.setString(4, status);
            insert.executeUpdate();
        }
    }
}
