package io.cryptobot.app.identity.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void ignores_x_forwarded_for_unless_trusted() {
        assertThat(ClientAddress.resolve("192.0.2.1", "198.51.100.7", false)).isEqualTo("192.0.2.1");
    }

    @Test
    void takes_the_entry_the_trusted_proxy_appended() {
        assertThat(ClientAddress.resolve("192.0.2.1", "203.0.113.9, 198.51.100.7 ", true))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void falls_back_to_the_remote_address() {
        assertThat(ClientAddress.resolve("192.0.2.1", " ", true)).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.resolve(null, null, true)).isEqualTo(ClientAddress.UNKNOWN);
    }
}
