package io.cryptobot.exchange.adapter.out.venue.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests of one WebSocket API connection against a socket that behaves as the JDK's: one send outstanding at a
 * time (a second {@code sendText} before the first completed fails with {@link IllegalStateException}), each write
 * completed when the test says.
 */
class WsApiConnectionTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Socket socket = new Socket();
    private final WsApiConnection connection = new WsApiConnection(socket, timer);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** Records every text sent; a send completes only when {@link #complete} is called for it. */
    static final class Socket implements WebSocket {
        final List<String> sent = new ArrayList<>();
        final List<CompletableFuture<WebSocket>> writes = new ArrayList<>();
        CompletableFuture<WebSocket> outstanding;

        @Override
        public synchronized CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            if (outstanding != null && !outstanding.isDone()) {
                return CompletableFuture.failedFuture(new IllegalStateException("Send pending"));
            }
            sent.add(data.toString());
            outstanding = new CompletableFuture<>();
            writes.add(outstanding);
            return outstanding;
        }

        void complete(int write) {
            CompletableFuture<WebSocket> done;
            synchronized (this) {
                done = writes.get(write);
            }
            done.complete(this);
        }

        void fail(int write, Throwable error) {
            CompletableFuture<WebSocket> done;
            synchronized (this) {
                done = writes.get(write);
            }
            done.completeExceptionally(error);
        }

        synchronized List<String> sent() {
            return List.copyOf(sent);
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void request(long n) {
        }

        @Override
        public String getSubprotocol() {
            return "";
        }

        @Override
        public boolean isOutputClosed() {
            return false;
        }

        @Override
        public boolean isInputClosed() {
            return false;
        }

        @Override
        public void abort() {
        }
    }

    private static WsApiConnection.Outcome.Answered answer() {
        return new WsApiConnection.Outcome.Answered(JsonNodeFactory.instance.objectNode(), Instant.now());
    }

    @Test
    void requests_wait_for_the_write_before_them_and_leave_in_order_none_refused_by_the_socket() {
        var first = connection.request("a", "A", Duration.ofSeconds(10));
        var second = connection.request("b", "B", Duration.ofSeconds(10));
        var third = connection.request("c", "C", Duration.ofSeconds(10));

        assertThat(socket.sent()).containsExactly("A");
        socket.complete(0);
        assertThat(socket.sent()).containsExactly("A", "B");
        socket.complete(1);
        socket.complete(2);
        assertThat(socket.sent()).containsExactly("A", "B", "C");
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        assertThat(third).isNotDone();
    }

    @Test
    void each_answer_completes_the_request_with_its_id_whatever_their_order() {
        var first = connection.request("a", "A", Duration.ofSeconds(10));
        socket.complete(0);
        var second = connection.request("b", "B", Duration.ofSeconds(10));
        socket.complete(1);

        assertThat(connection.answered("b", JsonNodeFactory.instance.textNode("for b"), Instant.now())).isTrue();
        assertThat(connection.answered("zzz", JsonNodeFactory.instance.textNode("late"), Instant.now())).isFalse();
        assertThat(first).isNotDone();
        assertThat(((WsApiConnection.Outcome.Answered) second.join()).frame().asText()).isEqualTo("for b");
        assertThat(connection.answered("a", JsonNodeFactory.instance.textNode("for a"), Instant.now())).isTrue();
        assertThat(((WsApiConnection.Outcome.Answered) first.join()).frame().asText()).isEqualTo("for a");
        assertThat(connection.answered("a", answer().frame(), Instant.now())).as("answered once").isFalse();
    }

    @Test
    void a_lost_connection_makes_a_written_request_lost_and_a_queued_one_not_handed_and_writes_nothing_more() {
        var written = connection.request("a", "A", Duration.ofSeconds(10));
        var queued = connection.request("b", "B", Duration.ofSeconds(10));

        connection.close("connection reset");
        socket.complete(0);
        var after = connection.request("c", "C", Duration.ofSeconds(10));

        assertThat(written.join()).isInstanceOf(WsApiConnection.Outcome.Lost.class);
        assertThat(queued.join()).isInstanceOf(WsApiConnection.Outcome.NotHanded.class);
        assertThat(after.join()).isInstanceOf(WsApiConnection.Outcome.NotHanded.class);
        assertThat(socket.sent()).containsExactly("A");
        assertThat(connection.waiting()).isZero();
    }

    @Test
    void without_an_answer_in_time_a_written_request_is_lost_and_one_still_queued_is_not_handed_nor_sent_later() {
        var written = connection.request("a", "A", Duration.ofMillis(50));
        var queued = connection.request("b", "B", Duration.ofMillis(50));

        assertThat(written.join()).isInstanceOf(WsApiConnection.Outcome.Lost.class);
        assertThat(queued.join()).isInstanceOf(WsApiConnection.Outcome.NotHanded.class);
        socket.complete(0);
        assertThat(socket.sent()).as("the abandoned request is not written afterwards").containsExactly("A");
        assertThat(connection.answered("a", answer().frame(), Instant.now())).as("a late answer").isFalse();
    }

    @Test
    void a_write_refused_before_it_started_is_not_handed_and_one_failed_by_io_is_lost() {
        var refused = connection.request("a", "A", Duration.ofSeconds(10));
        socket.fail(0, new IllegalStateException("Output closed"));
        var failed = connection.request("b", "B", Duration.ofSeconds(10));
        socket.fail(1, new java.io.IOException("Broken pipe"));

        assertThat(refused.join()).isInstanceOf(WsApiConnection.Outcome.NotHanded.class);
        assertThat(failed.join()).isInstanceOf(WsApiConnection.Outcome.Lost.class);
    }
}
