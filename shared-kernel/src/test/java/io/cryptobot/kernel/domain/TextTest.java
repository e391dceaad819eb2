package io.cryptobot.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @Nested
    class Refusals {
        @ParameterizedTest
        @ValueSource(strings = {"a\u0000b", "a\u0007b", "tab\there", "line\nbreak", "del\u007F", "c1\u0085",
                "\u202Eevil", "iso\u2066late", "zero\u200Bwidth", "joiner\u200D", "bom\uFEFF", "lrm\u200E",
                "word\u2060joiner", "line\u2028sep", "lone\uD800", "lone\uDC00tail", "end\uD83D"})
        void refuses_controls_format_characters_separators_and_lone_surrogates(String text) {
            assertThat(Text.refusal(text)).isNotEmpty();
            assertThat(Text.plain("field", text).getError().field()).isEqualTo("field");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Alice", "Zoë", "日本語", "مرحبا", "emoji \uD83D\uDE00 ok", "spaces  inside", "é"})
        void accepts_ordinary_text_in_any_script_and_paired_surrogates(String text) {
            assertThat(Text.refusal(text)).isEmpty();
        }

        @Test
        void names_the_code_point_and_what_it_is() {
            assertThat(Text.refusal("a\u0000").get()).isEqualTo("must not contain U+0000 (a control character)");
            assertThat(Text.refusal("\u202E").get()).contains("U+202E").contains("invisible or formatting");
            assertThat(Text.refusal("x\uD800").get()).contains("U+D800").contains("lone surrogate");
        }
    }

    @Nested
    class Names {
        @Test
        void are_normalised_to_nfc_and_stripped() {
            String decomposed = "  Zoe\u0308 ";
            assertThat(Text.name("name", decomposed, 10).get()).isEqualTo("Zo\u00EB");
        }

        @Test
        void are_required() {
            assertThat(Text.name("name", null, 10).getError()).isEqualTo(new Violation("name", "must be given"));
            assertThat(Text.name("name", "   ", 10).getError()).isEqualTo(new Violation("name", "must be given"));
        }

        @Test
        void are_limited_in_code_points_after_normalisation() {
            assertThat(Text.name("name", "e\u0301".repeat(10), 10).get()).isEqualTo("\u00E9".repeat(10));
            assertThat(Text.name("name", "\uD83D\uDE00".repeat(10), 10).isValid()).isTrue();
            assertThat(Text.name("name", "a".repeat(11), 10).getError())
                    .isEqualTo(new Violation("name", "must be at most 10 characters"));
        }

        @Test
        void refuse_unsafe_characters_naming_the_field() {
            assertThat(Text.name("bot.name", "x\u0000", 10).getError().field()).isEqualTo("bot.name");
        }
    }

    @Nested
    class OptionalText {
        @Test
        void absent_or_blank_is_none() {
            assertThat(Text.optional("reason", "\t", 10).isInvalid()).isTrue();
            assertThat(Text.optional("reason", null, 10).get()).isEqualTo(Option.none());
            assertThat(Text.optional("reason", "  ", 10).get()).isEqualTo(Option.none());
        }

        @Test
        void present_follows_the_name_rules() {
            assertThat(Text.optional("reason", " why ", 10).get()).isEqualTo(Option.some("why"));
            assertThat(Text.optional("reason", "why\u200B", 10).isInvalid()).isTrue();
            assertThat(Text.optional("reason", "a".repeat(11), 10).isInvalid()).isTrue();
        }
    }
}
