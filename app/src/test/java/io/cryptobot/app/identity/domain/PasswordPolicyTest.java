package io.cryptobot.app.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void accepts_ten_to_128_characters() {
        assertThat(PasswordPolicy.newPassword("password", "a".repeat(10)).isValid()).isTrue();
        assertThat(PasswordPolicy.newPassword("password", "a".repeat(128)).isValid()).isTrue();
    }

    @Test
    void refuses_nine_characters_naming_the_field() {
        var result = PasswordPolicy.newPassword("password", "a".repeat(9));
        assertThat(result.isInvalid()).isTrue();
        assertThat(result.getError().field()).isEqualTo("password");
        assertThat(result.getError().reason()).isEqualTo("must be at least 10 characters");
    }

    @Test
    void refuses_129_characters() {
        assertThat(PasswordPolicy.newPassword("password", "a".repeat(129)).getError().reason())
                .isEqualTo("must be at most 128 characters");
    }

    @Test
    void counts_characters_not_utf16_units() {
        String emoji = "\uD83D\uDD12";
        assertThat(PasswordPolicy.newPassword("password", emoji.repeat(9)).isInvalid()).isTrue();
        assertThat(PasswordPolicy.newPassword("password", emoji.repeat(10)).isValid()).isTrue();
    }

    @Test
    void refuses_missing_and_blank_passwords() {
        assertThat(PasswordPolicy.newPassword("password", null).isInvalid()).isTrue();
        assertThat(PasswordPolicy.newPassword("password", " ".repeat(12)).isInvalid()).isTrue();
    }

    @Test
    void a_password_never_shows_in_its_string_form() {
        assertThat(new PlainPassword("hunter2hunter2").toString()).doesNotContain("hunter2");
        assertThat(new PasswordHash("$2a$10$abcdef").toString()).doesNotContain("abcdef");
    }
}
