package io.cryptobot.app.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NotificationDomainTest {
    @Nested
    class Server_side_request_forgery {
        @Test
        void internal_addresses_are_refused() throws Exception {
            for (String address : List.of("127.0.0.1", "::1", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                    "169.254.169.254", "100.64.0.1", "fd00::1", "fe80::1", "224.0.0.1", "::ffff:127.0.0.1")) {
                assertThat(TargetAddresses.check(List.of(InetAddress.getByName(address))).isLeft())
                        .as(address).isTrue();
            }
        }

        @Test
        void public_addresses_pass_unless_one_of_them_is_internal() throws Exception {
            InetAddress publicOne = InetAddress.getByName("93.184.216.34");
            assertThat(TargetAddresses.check(List.of(publicOne)).isRight()).isTrue();
            assertThat(TargetAddresses.check(List.of(InetAddress.getByName("2606:4700::1111"))).isRight()).isTrue();
            assertThat(TargetAddresses.check(List.of(publicOne, InetAddress.getByName("10.0.0.1"))).getLeft())
                    .contains("10.0.0.1").contains("private");
            assertThat(TargetAddresses.check(List.of()).isLeft()).isTrue();
        }
    }

    @Nested
    class Backoff_between_attempts {
        private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));

        @Test
        void doubles_from_the_first_wait_with_half_of_it_drawn() {
            assertThat(backoff.after(1, 0)).isEqualTo(Duration.ofSeconds(1));
            assertThat(backoff.after(1, 0.999)).isLessThan(Duration.ofSeconds(2));
            assertThat(backoff.after(3, 0)).isEqualTo(Duration.ofSeconds(4));
            assertThat(backoff.after(4, 0.5)).isEqualTo(Duration.ofSeconds(12));
        }

        @Test
        void never_waits_longer_than_the_maximum() {
            assertThat(backoff.after(30, 0.999)).isLessThanOrEqualTo(Duration.ofMinutes(10));
            assertThat(backoff.after(1000, 0)).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Nested
    class Endpoint_failures {
        private final Instant now = Instant.parse("2026-12-12T10:00:00Z");
        private final Endpoint endpoint = Endpoint.newEndpoint(new EndpointId(UUID.randomUUID()),
                new UserId(UUID.randomUUID()), new EndpointSpec("r", Format.GENERIC,
                        Option.some(URI.create("https://example.com/h")), Option.none(), Option.none(),
                        Set.of(EventKind.ORDER_FILLED)), now);

        @Test
        void the_nth_consecutive_failure_disables_it_and_a_success_resets_the_count() {
            Endpoint twice = endpoint.failed(3, "HTTP 500", now).failed(3, "HTTP 500", now);
            assertThat(twice.enabled()).isTrue();
            assertThat(twice.delivered(now).consecutiveFailures()).isZero();
            Endpoint disabled = twice.failed(3, "timed out", now);
            assertThat(disabled.enabled()).isFalse();
            assertThat(disabled.wants(EventKind.ORDER_FILLED)).isFalse();
            assertThat(disabled.disabledReason().get()).contains("3 consecutive").contains("timed out");
        }

        @Test
        void its_owner_enables_it_again_with_a_clean_count() {
            Endpoint disabled = endpoint.failed(1, "HTTP 503", now);
            Endpoint again = disabled.changedByOwner(new EndpointChange(Option.none(), Option.none(), Option.none(),
                    Option.some(true)), now);
            assertThat(again.enabled()).isTrue();
            assertThat(again.consecutiveFailures()).isZero();
            assertThat(again.disabledReason()).isEmpty();
        }
    }

    @Test
    void answers_are_sorted_into_delivered_retry_and_refused() {
        assertThat(AttemptOutcome.ofStatus(204)).isInstanceOf(AttemptOutcome.Delivered.class);
        assertThat(AttemptOutcome.ofStatus(500)).isInstanceOf(AttemptOutcome.Retryable.class);
        assertThat(AttemptOutcome.ofStatus(429)).isInstanceOf(AttemptOutcome.Retryable.class);
        assertThat(AttemptOutcome.ofStatus(408)).isInstanceOf(AttemptOutcome.Retryable.class);
        assertThat(AttemptOutcome.ofStatus(404)).isInstanceOf(AttemptOutcome.Refused.class);
        assertThat(AttemptOutcome.ofStatus(301)).isInstanceOf(AttemptOutcome.Refused.class);
    }
}
