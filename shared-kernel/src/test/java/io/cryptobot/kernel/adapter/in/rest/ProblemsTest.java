package io.cryptobot.kernel.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Limit;
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
    void a_limit_reached_is_a_429_naming_the_limit_and_its_value() {
        DomainError error = new Limit("sweeps-active-per-user", 2).reached("sweep.too_many_active",
                "you already have 2 sweeps queued or running", 5);
        Problem body = Problems.body(error);
        assertThat(Problems.status(error)).isEqualTo(429);
        assertThat(body.limit()).isEqualTo("sweeps-active-per-user");
        assertThat(body.max()).isEqualTo(2L);
        assertThat(body.detail()).isEqualTo("you already have 2 sweeps queued or running "
                + "(limit sweeps-active-per-user = 2)");
        assertThat(((DomainError.OverLimit) error).retryAfterSeconds()).isEqualTo(5);
    }

    @Test
    void a_request_larger_than_a_limit_is_a_413_naming_the_limit() {
        DomainError error = new Limit("points-per-sweep", 100).exceededBy("sweep.too_many_points", "101 points");
        Problem body = Problems.body(error);
        assertThat(Problems.status(error)).isEqualTo(413);
        assertThat(body.title()).isEqualTo("Content Too Large");
        assertThat(body.limit()).isEqualTo("points-per-sweep");
        assertThat(body.max()).isEqualTo(100L);
    }

    @Test
    void other_problems_name_no_limit() {
        Problem body = Problems.body(new DomainError.Conflict("x.y", "z"));
        assertThat(body.limit()).isNull();
        assertThat(body.max()).isNull();
    }
}
