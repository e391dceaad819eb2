package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL is not restarted once the JVM stops ({@link PlatformBootstrap#superviseEmbedded}): a normal
 * stop that took a minute had its supervisor restart the server its shutdown hook had just stopped, and that server
 * outlived the process. The supervisor tells a stopping JVM by {@link PlatformBootstrap#jvmStopping}, checked here in
 * a running JVM and, from a shutdown hook, in a JVM that is stopping.
 */
class JvmStoppingTest {

    @Test
    void a_running_jvm_is_not_stopping_and_the_check_leaves_no_hook_behind() {
        assertThat(PlatformBootstrap.jvmStopping()).isFalse();
        assertThat(PlatformBootstrap.jvmStopping()).isFalse();
    }

    @Test
    void a_jvm_running_its_shutdown_hooks_is_stopping() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Stopping.class.getName()).redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("before exit: stopping=false").contains("in a shutdown hook: stopping=true");
    }

    /** A JVM that asks while it runs, then from a shutdown hook as it exits. */
    static final class Stopping {
        public static void main(String[] args) {
            System.out.println("before exit: stopping=" + PlatformBootstrap.jvmStopping());
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
                    System.out.println("in a shutdown hook: stopping=" + PlatformBootstrap.jvmStopping())));
            System.exit(0);
        }
    }
}
