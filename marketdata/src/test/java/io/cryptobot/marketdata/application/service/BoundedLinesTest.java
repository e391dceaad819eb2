package io.cryptobot.marketdata.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.marketdata.domain.ImportLimit;
import io.cryptobot.marketdata.domain.ImportLimits;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    @Test
    void ends_lines_like_a_buffered_reader_at_lf_cr_and_crlf() {
        assertThat(lines("a\nb\r\nc\rd", 10)).containsExactly("a", "b", "c", "d");
        assertThat(lines("a\n\n", 10)).containsExactly("a", "");
        assertThat(lines("", 10)).isEmpty();
        assertThat(lines("a\r", 10)).containsExactly("a");
    }

    @Test
    void a_line_spanning_several_buffers_is_read_whole() {
        String line = "x".repeat(200_000);

        assertThat(lines(line + "\r\n" + "y", 200_000)).containsExactly(line, "y");
    }

    @Test
    void a_line_one_character_past_the_limit_stops_the_read() {
        assertThat(lines("12345\n", 5)).containsExactly("12345");
        assertThatThrownBy(() -> lines("ok\n123456\n", 5))
                .isInstanceOfSatisfying(UploadBudget.Exceeded.class, e -> {
                    assertThat(e.breach().limit()).isEqualTo(ImportLimit.LINE_LENGTH);
                    assertThat(e.breach().line()).isEqualTo(2);
                });
    }

    @Test
    void an_endless_line_is_refused_without_being_read_to_its_end() {
        Reader endless = new Reader() {
            private long served;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (served > 10L << 20) {
                    throw new AssertionError("read on after the limit");
                }
                java.util.Arrays.fill(buffer, offset, offset + length, 'a');
                served += length;
                return length;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> new BoundedLines(endless, budget(4096, 1_000)).next())
                .isInstanceOf(UploadBudget.Exceeded.class);
    }

    @Test
    void blank_lines_count_toward_the_line_limit() {
        assertThat(lines("\n\n\n", 10, 3)).containsExactly("", "", "");
        assertThatThrownBy(() -> lines("\n\n\n\n", 10, 3))
                .isInstanceOfSatisfying(UploadBudget.Exceeded.class,
                        e -> assertThat(e.breach().limit()).isEqualTo(ImportLimit.ROWS));
    }

    private static List<String> lines(String text, int maxLength) {
        return lines(text, maxLength, 1_000);
    }

    private static List<String> lines(String text, int maxLength, long maxRows) {
        List<String> read = new ArrayList<>();
        new BoundedLines(new StringReader(text), budget(maxLength, maxRows)).forEachRemaining(read::add);
        return read;
    }

    private static UploadBudget budget(int maxLength, long maxRows) {
        return new UploadBudget(new ImportLimits(maxLength, Long.MAX_VALUE, maxRows, 10, 10));
    }
}
