package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingScenario;
import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.cryptobot.bot.application.service.BotRunner;
import io.cryptobot.bot.domain.bot.BotId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded random script over one live session: market and limit orders by hand, cancels, kill-switch halts and
 * resumes, bot pauses and resumes, crashed at random points (the session and its feed dropped without a write,
 * as a crash drops them) and recovered from the journal. After every recovery every invariant of
 * {@link TradingScenario#check} holds: acknowledged orders exist with their bodies and ids, market orders executed
 * exactly once, acknowledged cancels hold, fills are on their own orders with unique trade ids, balances equal the
 * fills, and the rebuild was equal to the journal ({@code recovered}, no {@code incident}). The seed is printed in
 * every failure; {@code -Dcrash.seed=N} replays one.
 */
@QuarkusTest
class SessionCrashRandomTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ACTIONS = 70;
    private static final int CRASHES = 6;
    private TestUser trader;

    @Inject
    BotRunner runner;

    @Inject
    ResumeLiveBotsUseCase resume;

    @ParameterizedTest
    @ValueSource(longs = {20261204L, 7L, 4242L})
    void every_invariant_holds_after_a_crash_at_any_point_of_a_random_script(long given) throws Exception {
        trader = TestUsers.create("trader");
        long seed = Long.getLong("crash.seed", given);
        Random random = new Random(seed);
        TradingScenario.Api api = this::call;
        String venue = "RND" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000, 36)
                .toUpperCase();
        TradingScenario scenario = new TradingScenario(venue).setUp(api, List.of("random " + seed), "600");
        String account = scenario.accounts.getFirst();
        String bot = scenario.bots.getFirst();
        Set<Integer> crashes = new TreeSet<>();
        while (crashes.size() < CRASHES) {
            crashes.add(1 + random.nextInt(ACTIONS - 1));
        }
        List<String> resting = new ArrayList<>();
        boolean halted = false;
        boolean paused = false;
        for (int step = 0; step < ACTIONS; step++) {
            int dice = random.nextInt(100);
            String clientOrderId = "s" + seed % 10_000 + "-" + step;
            if (dice < 40) {
                place(scenario, api, scenario.body(account, clientOrderId, "market", null));
            } else if (dice < 62) {
                String id = place(scenario, api, scenario.body(account, clientOrderId, "limit", "1000.00"));
                resting.add(id);
            } else if (dice < 77 && !resting.isEmpty()) {
                String target = resting.remove(random.nextInt(resting.size()));
                Response canceled = given().header("Authorization", trader.bearer())
                        .post("/api/orders/" + target + "/cancel");
                assertThat(canceled.statusCode()).as("seed %d, cancel %s: %s", seed, target, canceled.asString())
                        .isIn(200, 409);
                if (canceled.statusCode() == 200) {
                    scenario.canceled(List.of(target));
                }
            } else if (dice < 88) {
                api.call("POST", halted ? "/api/risk/resume" : "/api/risk/halt", Map.of("reason", "script " + step),
                        200);
                halted = !halted;
                paused = paused || halted;
                if (halted) {
                    scenario.halted();
                }
            } else if (!halted) {
                api.call("POST", "/api/bots/" + bot + (paused ? "/resume" : "/pause"), null, 200);
                paused = !paused;
            }
            if (crashes.contains(step)) {
                runner.release(new BotId(UUID.fromString(bot)));
                resume.resumeLiveBots();
                assertThat(runner.isRunningHere(new BotId(UUID.fromString(bot)))).as("seed %d, step %d", seed, step)
                        .isTrue();
                scenario.check(api);
                assertThat(api.call("GET", "/api/bots/" + bot, null, 200).get("status").asText())
                        .as("seed %d, step %d", seed, step).isEqualTo(paused ? "paused" : "running");
            }
        }
        if (halted) {
            api.call("POST", "/api/risk/resume", Map.of("reason", "script over"), 200);
        }
        scenario.check(api);
    }

    private String place(TradingScenario scenario, TradingScenario.Api api, Map<String, Object> body)
            throws Exception {
        String id = api.call("POST", "/api/orders", body, 201).get("id").asText();
        scenario.ack(body, id);
        return id;
    }

    private JsonNode call(String method, String path, Object body, int expected) throws Exception {
        RequestSpecification request = given().header("Authorization", trader.bearer());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        Response response = request.request(method, path);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.asString()).isEqualTo(expected);
        String text = response.asString();
        return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
    }
}
