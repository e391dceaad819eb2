package io.cryptobot.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final List<String> ALL = List.of("a", "b", "c", "d", "e");

    @Test
    void a_slice_holds_the_requested_window_and_counts_every_item() {
        Page<String> page = Page.slice(ALL, new PageRequest(1, 2));
        assertThat(page.items()).containsExactly("b", "c");
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(2);
        assertThat(page.total()).isEqualTo(5);
    }

    @Test
    void the_last_page_is_short_and_a_page_past_the_end_is_empty() {
        assertThat(Page.slice(ALL, new PageRequest(4, 10)).items()).containsExactly("e");
        assertThat(Page.slice(ALL, new PageRequest(Integer.MAX_VALUE, 10_000)).items()).isEmpty();
        assertThat(Page.slice(ALL, new PageRequest(Integer.MAX_VALUE, 10_000)).total()).isEqualTo(5);
    }
}
