package io.unveil.core.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (Prometheus text format) and {@code /health} (200 when every registered check is up, else
 * 503, JSON body) on 127.0.0.1 by default.
 */
public final class MetricsServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Supplier<Boolean>> checks = new ConcurrentHashMap<>();

    public MetricsServer(String host, int port) throws IOException {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (java.net.BindException e) {
            throw new io.unveil.core.net.PortInUseException(host, port, "--metrics-port", e);
        }
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", ex -> {
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "GET only\n");
                return;
            }
            send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", Metrics.prometheus().scrape());
        });
        server.createContext("/health", ex -> {
            StringBuilder sb = new StringBuilder("{\"checks\":{");
            boolean up = true, first = true;
            for (var e : checks.entrySet()) {
                boolean ok;
                try {
                    ok = e.getValue().get();
                } catch (RuntimeException err) {
                    ok = false;
                }
                up &= ok;
                sb.append(first ? "" : ",").append('"').append(e.getKey()).append("\":\"").append(ok ? "UP" : "DOWN").append('"');
                first = false;
            }
            sb.append("},\"status\":\"").append(up ? "UP" : "DOWN").append("\"}\n");
            send(ex, up ? 200 : 503, "application/json", sb.toString());
        });
        server.start();
    }

    public void addCheck(String name, Supplier<Boolean> check) {
        checks.put(name, check);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
