package io.cryptobot.app.notification.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    @Test
    void covers_the_timestamp_and_the_body() {
        String header = WebhookSignature.header("s3cret", 1_700_000_000L, "{\"a\":1}");
        assertThat(header).startsWith("t=1700000000,v1=");
        assertThat(WebhookSignature.verify("s3cret", header, "{\"a\":1}", 1_700_000_010L, 300)).isTrue();
        assertThat(WebhookSignature.verify("s3cret", header, "{\"a\":2}", 1_700_000_010L, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", header.replace("t=1700000000", "t=1700000001"),
                "{\"a\":1}", 1_700_000_010L, 300)).isFalse();
        // a replay long after it was signed
        assertThat(WebhookSignature.verify("s3cret", header, "{\"a\":1}", 1_700_001_000L, 300)).isFalse();
    }

    @Test
    void is_hmac_sha256_in_hex() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" (here "0." + the rest)
        assertThat(WebhookSignature.hex("Jefe", 0, "what do ya want for nothing?"))
                .hasSize(64).matches("[0-9a-f]+");
    }
}
