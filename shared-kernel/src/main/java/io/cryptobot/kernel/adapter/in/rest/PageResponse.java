package io.cryptobot.kernel.adapter.in.rest;

import io.cryptobot.kernel.domain.Page;
import java.util.List;
import java.util.function.Function;

public record PageResponse<T>(List<T> items, int offset, int limit, long total) {
    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.offset(), page.limit(),
                page.total());
    }
}
