package io.cryptobot.app.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on this machine: answers each path with scripted statuses (then 200), or hangs for a path
 * marked dead; records every request it answered 2xx and every attempt.
 */
final class LocalReceiver implements AutoCloseable {
    record Received(String path, Map<String, String> headers, String body, long atNanos) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> dead = new ConcurrentHashMap<>();
    final List<Received> delivered = Collections.synchronizedList(new ArrayList<>());
    final List<Received> attempts = Collections.synchronizedList(new ArrayList<>());

    LocalReceiver() throws IOException {
        this(0);
    }

    /** On {@code port} (0: any free one). */
    LocalReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            Received received = new Received(path, headers, body, System.nanoTime());
            attempts.add(received);
            if (dead.getOrDefault(path, false)) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            Deque<Integer> script = scripts.get(path);
            Integer status = script == null ? null : script.pollFirst();
            int code = status == null ? 200 : status;
            if (code < 300) {
                delivered.add(received);
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, Integer... statuses) {
        scripts.put(path, new ConcurrentLinkedDeque<>(List.of(statuses)));
    }

    void dead(String path, boolean isDead) {
        dead.put(path, isDead);
    }

    List<Received> deliveredTo(String path) {
        synchronized (delivered) {
            return delivered.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    long attemptsAt(String path) {
        synchronized (attempts) {
            return attempts.stream().filter(r -> r.path().equals(path)).count();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
