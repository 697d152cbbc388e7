package io.unveil.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Issue 25 item 5: /health is not UP with no checks, reports each check's state and detail, and DEGRADED is 503. */
class HealthEndpointTest {
    private static HttpResponse<String> get(MetricsServer s, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsDownWithoutChecksAndReportsEachCheck() throws Exception {
        try (MetricsServer s = new MetricsServer("127.0.0.1", 0)) {
            HttpResponse<String> empty = get(s, "/health");
            assertEquals(503, empty.statusCode(), "no check registered yet is not UP: " + empty.body());
            assertEquals("DOWN", Json.MAPPER.readTree(empty.body()).get("status").asText());
            assertEquals(200, get(s, "/live").statusCode());

            AtomicReference<Health> camera = new AtomicReference<>(Health.up("connected"));
            s.addCheck("broker", () -> true);
            s.addHealth("camera:gate", camera::get);
            HttpResponse<String> up = get(s, "/health");
            assertEquals(200, up.statusCode(), up.body());
            JsonNode b = Json.MAPPER.readTree(up.body());
            assertEquals("UP", b.get("status").asText());
            assertEquals("connected", b.get("checks").get("camera:gate").get("detail").asText());
            assertEquals("UP", b.get("checks").get("broker").get("status").asText());

            camera.set(Health.degraded("reconnecting since 2026-01-01T00:00:00Z (90 s)"));
            HttpResponse<String> degraded = get(s, "/health");
            assertEquals(503, degraded.statusCode());
            assertEquals("DEGRADED", Json.MAPPER.readTree(degraded.body()).get("status").asText());

            s.addCheck("roles", () -> false);
            assertEquals("DOWN", Json.MAPPER.readTree(get(s, "/health").body()).get("status").asText(), "DOWN outranks DEGRADED");
            assertEquals(200, get(s, "/live").statusCode(), "liveness does not depend on the checks");
        }
    }
}
