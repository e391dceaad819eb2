package io.cryptobot.bot.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cryptobot.bot.application.port.in.BooksVersion;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Rendered JSON kept under the {@link BooksVersion} it was read at, one entry per key (an owner, or an owner and a
 * page), size-bounded: a dashboard polling unchanged books is answered on the I/O thread from these bytes, with no
 * hand-off to a worker and no rendering; anything else is read and rendered on a worker thread, then kept. The
 * version is read before the books, so kept bytes are never older than the version they are kept under.
 */
final class KeptJson<K> {
    private final ObjectMapper mapper;
    private final Cache<K, Kept> kept;

    KeptJson(ObjectMapper mapper, long maxEntries) {
        this.mapper = mapper;
        this.kept = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    private record Kept(BooksVersion version, byte[] body) {
    }

    Uni<Response> answer(K key, BooksVersion version, Supplier<Object> read) {
        Kept known = kept.getIfPresent(key);
        if (known != null && known.version().equals(version)) {
            return Uni.createFrom().item(json(known.body()));
        }
        return Uni.createFrom().item(() -> {
            byte[] body = write(read.get());
            kept.put(key, new Kept(version, body));
            return json(body);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
