package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A start that cannot work ends at once with one line and exit code 2, and leaves the running instance alone:
 * a second instance on the same data directory (it must not stop the first one's PostgreSQL as an orphan), and
 * an instance on a busy port.
 */
class StartRefusalIT {

    @Test
    void a_second_instance_and_a_busy_port_are_refused_and_the_first_instance_keeps_serving() throws Exception {
        try (PackagedApp first = new PackagedApp("refusal").start()) {
            Path otherDir = Files.createTempDirectory("cryptobot-refusal-other-");

            Result sameDirectory = startAnother(first.dataDir, first.port() + 1, first.dataDir.resolve("second.log"));
            Result samePort = startAnother(otherDir, first.port(), first.dataDir.resolve("third.log"));

            assertThat(sameDirectory.exitCode()).as(sameDirectory.output()).isEqualTo(PlatformMain.EXIT_REFUSED);
            assertThat(sameDirectory.output()).contains("Another cryptobot instance is already running on the data"
                    + " directory " + first.dataDir).doesNotContain("Exception", "\tat ");
            assertThat(samePort.exitCode()).as(samePort.output()).isEqualTo(PlatformMain.EXIT_REFUSED);
            assertThat(samePort.output()).contains("port " + first.port() + " on 127.0.0.1 is already in use",
                    "QUARKUS_HTTP_PORT=").doesNotContain("Exception", "\tat ");
            assertThat(first.send("GET", "/q/health/ready", null, null).statusCode()).isEqualTo(200);
            assertThat(first.call("GET", "/api/strategies", first.login(), null, 200).get("items").size()).isPositive();
            try (var files = Files.walk(otherDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static Result startAnother(Path dataDir, int port, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", System.getProperty("app.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CRYPTOBOT_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().remove("CRYPTOBOT_DB_URL");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Result(-1, "still running after 60 s:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private record Result(int exitCode, String output) {
    }
}
