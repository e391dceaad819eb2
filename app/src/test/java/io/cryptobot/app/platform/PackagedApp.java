package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.app.support.TradingScenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged application ({@code app.jar}, built by {@code package}) as a real process on its own data
 * directory (embedded PostgreSQL) and port, for tests that kill it with SIGKILL and start it again on the same
 * data; plain HTTP calls with JSON bodies.
 */
final class PackagedApp implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Path dataDir;
    private final int port;
    /** The demo trader's password for this installation (no password ships with the platform). */
    private final String demoPassword = "demo-" + java.util.UUID.randomUUID();
    /** Settings of this installation, as environment variables of every start. */
    private final java.util.Map<String, String> env = new java.util.HashMap<>();
    private Process process;

    PackagedApp(String name) throws IOException {
        this.dataDir = Files.createTempDirectory("cryptobot-" + name + "-");
        this.port = freePort();
    }

    /** A setting for every start from now on, as an environment variable. */
    PackagedApp env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Starts the application and waits until it is ready. */
    PackagedApp start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-jar", System.getProperty("app.jar"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()));
        builder.environment().put("CRYPTOBOT_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("CRYPTOBOT_DEMO_PASSWORD", demoPassword);
        builder.environment().remove("CRYPTOBOT_DB_URL");
        // never a real exchange: the venues' defaults are api.binance.com and www.okx.com, and the instrument sync
        // asks every venue with instruments in the catalog (the README tour defines BINANCE:BTC/USDT) within 10 s of
        // the start; a test that needs a venue points it at a fake with env(...)
        for (String venue : List.of("BINANCE", "OKX")) {
            builder.environment().put("CRYPTOBOT_VENUES_" + venue + "_REST_URL", "http://127.0.0.1:9");
            builder.environment().put("CRYPTOBOT_VENUES_" + venue + "_WS_URL", "ws://127.0.0.1:9/ws");
        }
        builder.environment().put("CRYPTOBOT_VENUES_BINANCE_TRADING_WS_API_URL", "ws://127.0.0.1:9/ws-api/v3");
        builder.environment().putAll(env);
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            assertThat(process.isAlive()).as("the application exited; see %s", dataDir.resolve("app.log")).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("start-up took too long").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** SIGKILL, as a crash: nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    String login() throws Exception {
        return call("POST", "/api/auth/login", null, java.util.Map.of("email", "demo@cryptobot.local",
                "password", demoPassword), 200).get("accessToken").asText();
    }

    /** A call that must answer {@code expected}; its JSON body. */
    JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, token, body);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** A call whatever it answers (an IOException when the process is gone). */
    HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode await(TradingScenario.Poll poll, Predicate<JsonNode> until, Duration limit) throws Exception {
        return TradingScenario.await(poll, until, limit);
    }

    /** The calls of one user, for {@link TradingScenario}: the token is read at each call (it changes at restarts). */
    TradingScenario.Api as(java.util.function.Supplier<String> token) {
        return (method, path, body, expected) -> call(method, path, token.get(), body, expected);
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Stops the process normally (its embedded server with it) and removes the data directory; fails if the
     * application's log shows a class it could not load (see {@link #classLoadingFailures}).
     */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        java.util.List<String> failures = classLoadingFailures();
        if (!Boolean.getBoolean("keep.it.data")) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        assertThat(failures).as("classes the packaged application could not load (a thread without the"
                + " application's context class loader? see AppThreads)").isEmpty();
    }

    /**
     * The log's lines (each with the line before it, which names the failing work) that say a class could not be
     * loaded: never right, and seen only in the packaged application, where a thread whose context class loader
     * is the JDK's system loader sees none of the application's classes.
     */
    java.util.List<String> classLoadingFailures() throws IOException {
        Path log = dataDir.resolve("app.log");
        if (!Files.exists(log)) {
            return java.util.List.of();
        }
        // decoded leniently: a SIGKILL may cut the log in the middle of a character
        java.util.List<String> lines = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        java.util.List<String> found = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("ClassNotFoundException") || line.contains("NoClassDefFoundError")) {
                found.add((i > 0 ? lines.get(i - 1) + " | " : "") + line);
            }
        }
        return found;
    }
}
