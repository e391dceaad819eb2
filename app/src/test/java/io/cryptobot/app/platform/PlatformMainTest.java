package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A start on a busy port ends before anything starts, with one line naming the setting that picks another. */
class PlatformMainTest {

    @Test
    void a_busy_port_refuses_the_start_and_names_QUARKUS_HTTP_PORT() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> settings = Map.of("quarkus.http.host", "127.0.0.1",
                    "quarkus.http.port", String.valueOf(taken.getLocalPort()));

            assertThatThrownBy(() -> PlatformMain.ensurePortFree(name -> Optional.ofNullable(settings.get(name))))
                    .isInstanceOf(PlatformBootstrap.StartRefused.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("QUARKUS_HTTP_PORT=");
        }
    }

    @Test
    void a_free_port_lets_the_start_go_ahead() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Map<String, String> settings = Map.of("quarkus.http.port", String.valueOf(port));

        assertThatCode(() -> PlatformMain.ensurePortFree(name -> Optional.ofNullable(settings.get(name))))
                .doesNotThrowAnyException();
        assertThat(port).isPositive();
    }
}
