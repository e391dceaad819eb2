package io.cryptobot.kernel.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.DomainError;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void an_unavailable_error_is_a_503_problem() {
        DomainError error = new DomainError.Unavailable("server.unavailable", "Retry in a few seconds.", 5);
        Problem body = Problems.body(error);
        assertThat(Problems.status(error)).isEqualTo(503);
        assertThat(body.status()).isEqualTo(503);
        assertThat(body.title()).isEqualTo("Service Unavailable");
        assertThat(body.code()).isEqualTo("server.unavailable");
        assertThat(body.type()).isEqualTo("urn:cryptobot:problem:server.unavailable");
    }

    @Test
    void an_unavailable_error_always_says_when_to_retry() {
        assertThatThrownBy(() -> new DomainError.Unavailable("server.unavailable", "later", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_quota_exceeded_error_is_a_413_problem() {
        DomainError error = new DomainError.QuotaExceeded("marketdata.dataset.limit_reached", "full");
        Problem body = Problems.body(error);
        assertThat(Problems.status(error)).isEqualTo(413);
        assertThat(body.title()).isEqualTo("Content Too Large");
        assertThat(body.code()).isEqualTo("marketdata.dataset.limit_reached");
    }
}
