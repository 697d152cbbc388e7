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
 * Serves {@code /metrics} (Prometheus text format), {@code /health} and {@code /live} on 127.0.0.1 by default.
 *
 * <p>{@code /health}: 200 only when there is at least one check and every check is UP; 503 when any is DOWN or
 * DEGRADED (and while no check is registered yet: a process whose roles have not started is not healthy). Body:
 * {@code {"status":"UP|DEGRADED|DOWN","checks":{"NAME":{"status":"...","detail":"..."}}}}. {@code /live}: 200 while
 * the process serves at all (for a liveness probe: restarting does not fix an unreachable camera).
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
    private final Map<String, Supplier<Health>> checks = new java.util.concurrent.ConcurrentSkipListMap<>();

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
                    case "/live" -> send(res, 200, "application/json", "{\"status\":\"UP\"}\n");
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
            if (io.unveil.core.net.PortInUseException.isBindFailure(e))
                throw new io.unveil.core.net.PortInUseException(host, port, "--metrics-port", e);
            throw new IOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private void health(HttpServletResponse res) throws IOException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        Map<String, Object> each = new java.util.LinkedHashMap<>();
        Health.State worst = checks.isEmpty() ? Health.State.DOWN : Health.State.UP;
        for (var e : checks.entrySet()) {
            Health h;
            try {
                h = e.getValue().get();
            } catch (RuntimeException err) {
                h = Health.down("check failed: " + err);
            }
            if (h == null) h = Health.down("no answer");
            if (h.state().ordinal() > worst.ordinal()) worst = h.state();
            Map<String, Object> one = new java.util.LinkedHashMap<>();
            one.put("status", h.state().name());
            if (h.detail() != null) one.put("detail", h.detail());
            each.put(e.getKey(), one);
        }
        body.put("status", worst.name());
        if (checks.isEmpty()) body.put("detail", "starting: no check registered yet");
        body.put("checks", each);
        send(res, worst == Health.State.UP ? 200 : 503, "application/json",
                io.unveil.core.serde.Json.MAPPER.writeValueAsString(body) + "\n");
    }

    /** A yes/no check: UP or DOWN. */
    public void addCheck(String name, Supplier<Boolean> check) {
        checks.put(name, () -> check.get() ? Health.up(null) : Health.down(null));
    }

    /** A check with a state and a detail. */
    public void addHealth(String name, Supplier<Health> check) {
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
