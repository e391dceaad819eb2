package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.SmallUserLimits;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server-sent-event streams are counted per user over every stream endpoint ({@link SmallUserLimits}: 2 open at
 * once); one more is 429 naming the limit, and a place frees when a stream ends on its own or its client goes
 * away. Streams are opened on raw sockets, so that going away is a closed connection and nothing else.
 */
@QuarkusTest
@TestProfile(SmallUserLimits.class)
class StreamLimitsTest {
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser other = TestUsers.create("trader");
    private final List<OpenStream> opened = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        opened.forEach(OpenStream::close);
    }

    @Test
    void a_stream_beyond_the_limit_is_429_on_any_endpoint_and_a_client_going_away_frees_its_place() throws Exception {
        OpenStream orders = open(trader, "/api/orders/stream");
        assertThat(orders.status).isEqualTo(200);
        OpenStream replay = open(trader, "/api/marketdata/replays/" + replay(trader, "1") + "/candles");
        assertThat(replay.status).isEqualTo(200);

        for (String path : List.of("/api/orders/stream", "/api/backtests/" + UUID.randomUUID() + "/events",
                "/api/backtests/sweeps/" + UUID.randomUUID() + "/events")) {
            OpenStream refused = open(trader, path);
            assertThat(refused.status).as(path).isEqualTo(429);
            JsonPath problem = JsonPath.from(refused.body());
            assertThat(problem.getString("code")).isEqualTo("stream.too_many_open");
            assertThat(problem.getString("limit")).isEqualTo("streams-per-user");
            assertThat(problem.getInt("max")).isEqualTo(SmallUserLimits.STREAMS);
            refused.close();
        }
        // another user's streams are theirs
        assertThat(open(other, "/api/orders/stream").status).isEqualTo(200);

        orders.close();
        assertThat(openWithin(trader, "/api/orders/stream", Duration.ofSeconds(10)).status)
                .as("a stream opens once a client went away").isEqualTo(200);
        assertThat(open(trader, "/api/orders/stream").status).isEqualTo(429);
    }

    @Test
    void a_stream_that_ends_frees_its_place() throws Exception {
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, "2024-01-01T00:00:00Z", 10);
        assertThat(open(trader, "/api/orders/stream").status).isEqualTo(200);
        // 10 candles at 600x: a candle every 100 ms, the stream ends by itself after about a second
        OpenStream candles = open(trader, "/api/marketdata/replays/" + replayOf(trader, instrument, "600")
                + "/candles");
        assertThat(candles.status).isEqualTo(200);
        assertThat(open(trader, "/api/orders/stream").status).isEqualTo(429);

        String events = candles.readToEnd(Duration.ofSeconds(20));
        assertThat(events.lines().filter(line -> line.startsWith("data:")).count()).isEqualTo(10);
        assertThat(openWithin(trader, "/api/orders/stream", Duration.ofSeconds(10)).status)
                .as("a stream opens once another ended").isEqualTo(200);
    }

    /** A replay that stays waiting until watched, on a fresh instrument with a day of candles. */
    private String replay(TestUser user, String speed) {
        String instrument = TradingFixtures.newInstrumentWithCandles(user, "2024-01-01T00:00:00Z", 60);
        return replayOf(user, instrument, speed);
    }

    private String replayOf(TestUser user, String instrument, String speed) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("instrument", instrument, "timeframe", "1m", "from", "2024-01-01T00:00:00Z",
                        "to", "2024-01-02T00:00:00Z", "speed", speed))
                .post("/api/marketdata/replays").then().statusCode(201).extract().path("id");
    }

    private OpenStream openWithin(TestUser user, String path, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            OpenStream stream = open(user, path);
            if (stream.status != 429 || System.nanoTime() > deadline) {
                return stream;
            }
            stream.close();
            Thread.sleep(50);
        }
    }

    private OpenStream open(TestUser user, String path) throws IOException {
        OpenStream stream = new OpenStream(user, path);
        opened.add(stream);
        return stream;
    }

    /** One streaming GET over HTTP/1.1 on its own connection; its status is read, the rest as it comes. */
    private static final class OpenStream {
        private final Socket socket;
        private final InputStream in;
        private final int status;
        private final boolean chunked;
        private final int length;

        OpenStream(TestUser user, String path) throws IOException {
            socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: "
                    + "text/event-stream\r\nAuthorization: " + user.bearer() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            in = socket.getInputStream();
            String statusLine = line();
            status = Integer.parseInt(statusLine.split(" ")[1]);
            boolean isChunked = false;
            int contentLength = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    isChunked = true;
                } else if (lower.startsWith("content-length:")) {
                    contentLength = Integer.parseInt(lower.substring("content-length:".length()).trim());
                }
            }
            chunked = isChunked;
            length = contentLength;
        }

        /** The body of a finished answer (a refusal), decoded. */
        String body() throws IOException {
            return readToEnd(Duration.ofSeconds(10));
        }

        /** Everything until the answer ends (its last chunk, or the connection closed). */
        String readToEnd(Duration within) throws IOException {
            socket.setSoTimeout((int) within.toMillis());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (!chunked) {
                return new String(length >= 0 ? in.readNBytes(length) : in.readAllBytes(), StandardCharsets.UTF_8);
            }
            while (true) {
                String sizeLine;
                try {
                    sizeLine = line();
                } catch (java.io.EOFException closed) {
                    // the server may end a stream by closing its connection
                    return body.toString(StandardCharsets.UTF_8);
                }
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    line();
                    return body.toString(StandardCharsets.UTF_8);
                }
                body.write(in.readNBytes(size));
                line();
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
