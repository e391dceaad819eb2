package io.cryptobot.app.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailTest {

    @Test
    void is_trimmed_and_lower_cased_so_uniqueness_ignores_case() {
        assertThat(Email.parse("email", "  Ada.Lovelace@Example.COM ").get().value())
                .isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void refuses_text_that_is_not_an_address() {
        for (String text : new String[] {"", "ada", "ada@", "@example.com", "ada@example", "a b@example.com"}) {
            assertThat(Email.parse("email", text).isInvalid()).as(text).isTrue();
        }
    }
}
