package io.unveil.core.metrics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves {@code /metrics} (Prometheus text format) and {@code /health} (200 when every registered check is up, else
 * 503, JSON body) on 127.0.0.1 by default.
 *
 * <p>Jetty's NIO connector: a request is parsed as its bytes arrive, so a client that sends half a request holds no
 * thread, and an idle connection is closed after {@link #IDLE_TIMEOUT_MS}. The JDK HttpServer this replaces read each
 * request on its one executor thread: a single socket sending a partial request blocked /health and /metrics for
 * 400 s and more (issue 25). A small bounded pool serves the requests themselves.
 */
public final class MetricsServer implements AutoCloseable {
    /** An idle or stalled connection is closed after this long; Prometheus scrapes and probes take milliseconds. */
    public static final long IDLE_TIMEOUT_MS = 10_000;
    private final Server server;
    private final ServerConnector connector;
    private final Map<String, Supplier<Boolean>> checks = new ConcurrentHashMap<>();

    public MetricsServer(String host, int port) throws IOException {
        // 8 threads (1 acceptor + 1 selector + 6 workers), 64 queued requests; beyond that Jetty refuses rather than grows
        QueuedThreadPool pool = new QueuedThreadPool(8, 3, 60_000, new BlockingArrayQueue<>(64));
        pool.setName("metrics-http");
        pool.setDaemon(true);
        server = new Server(pool);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest req, HttpServletResponse res) throws IOException {
                base.setHandled(true);
                switch (target) {
                    case "/metrics" -> {
                        if (!"GET".equals(req.getMethod())) send(res, 405, "text/plain", "GET only\n");
                        else send(res, 200, "text/plain; version=0.0.4; charset=utf-8", Metrics.prometheus().scrape());
                    }
                    case "/health" -> health(res);
                    default -> send(res, 404, "text/plain", "not found\n");
                }
            }
        });
        server.setStopTimeout(2000);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private void health(HttpServletResponse res) throws IOException {
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
        send(res, up ? 200 : 503, "application/json", sb.toString());
    }

    public void addCheck(String name, Supplier<Boolean> check) {
        checks.put(name, check);
    }

    public int port() {
        return connector.getLocalPort();
    }

    private static void send(HttpServletResponse res, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType(type);
        res.setContentLength(bytes.length);
        try (OutputStream os = res.getOutputStream()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing left to serve
        }
    }
}
