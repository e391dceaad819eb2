package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's tour, run as written: its {@code ```sh} blocks, in order, in one bash with {@code set -euo
 * pipefail}, against the packaged application on a fresh data directory. Any failing command (the tour uses
 * {@code curl -f} where it expects success) fails the test, so the tour cannot drift from the API.
 */
class ReadmeTourIT {
    private static final Pattern SH_BLOCK = Pattern.compile("(?ms)^```sh\\n(.*?)^```");

    @Test
    void the_readme_tour_runs_top_to_bottom() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String script = tour(Files.readString(root.resolve("README.md")));
        assertThat(script).contains("JOB_ID=", "RUN_ID=", "SWEEP_ID=", "CORRELATION_ID=", "LIVE_BOT=");
        requireJq();
        try (PackagedApp app = new PackagedApp("tour").start()) {
            Path log = app.dataDir.resolve("tour.log");
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            bash.environment().put("B", app.baseUrl());
            Process tour = bash.start();
            tour.getOutputStream().close();
            boolean finished = tour.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                tour.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(finished).as("the tour did not finish in 5 minutes:%n%s", output).isTrue();
            assertThat(tour.exitValue()).as("the tour failed:%n%s", output).isZero();
            assertThat(output).contains("\"status\": \"denied\"");
            // the paper bot on SIM's live candles warmed up on the demo history and took its first live step
            assertThat(output).contains("warmed_up: trading on live 1m candles from");
        }
    }

    /** Every {@code ```sh} block of the README, in order, with {@code B} pointing at the started app. */
    static String tour(String readme) {
        List<String> blocks = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(readme);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return String.join("\n", blocks);
    }

    /** jq is needed by the tour (the README says so); installed here when missing and apt-get is at hand. */
    private static void requireJq() throws Exception {
        if (onPath("jq")) {
            return;
        }
        if (onPath("apt-get")) {
            new ProcessBuilder("bash", "-c", "apt-get install -y -q jq || (apt-get update -q && apt-get install -y -q jq)")
                    .inheritIO().start().waitFor(5, TimeUnit.MINUTES);
        }
        Assumptions.assumeTrue(onPath("jq"), "jq is not installed and could not be installed: the README tour needs"
                + " it, so ReadmeTourIT cannot run here");
    }

    private static boolean onPath(String command) throws Exception {
        return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
    }
}
