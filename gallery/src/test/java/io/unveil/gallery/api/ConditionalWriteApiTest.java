package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unveil.core.record.GalleryEntry;
import io.unveil.core.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency on the REST API: GET answers the identity's version as ETag; a write with If-Match of an
 * older version is refused with 412 and changes nothing; with the current version it applies and answers the next.
 */
class ConditionalWriteApiTest {
    static final HttpClient http = HttpClient.newHttpClient();

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.header("X-Api-Key", ApiFixture.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder rename(ApiFixture fx, String id, String name) {
        return HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities/" + id)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"));
    }

    @Test
    void ifMatchOfAnOlderVersionIs412AndWritesNothing() throws Exception {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            fx.store.put(new GalleryEntry("ada-1", "Ada", new float[]{1, 0}, 1, 0.5f, 3, 1, 1, Map.of()));
            HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities/ada-1")));
            assertEquals("\"3\"", get.headers().firstValue("ETag").orElse(null));

            HttpResponse<String> ok = send(rename(fx, "ada-1", "Ada L.").header("If-Match", "\"3\""));
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("\"4\"", ok.headers().firstValue("ETag").orElse(null));

            int writes = fx.store.writes.size();
            HttpResponse<String> stale = send(rename(fx, "ada-1", "Lost Update").header("If-Match", "\"3\""));
            assertEquals(412, stale.statusCode(), stale.body());
            assertEquals("version_mismatch", Json.MAPPER.readTree(stale.body()).get("error").asText());
            HttpResponse<String> staleDelete = send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities/ada-1"))
                    .header("If-Match", "W/\"3\"").DELETE());
            assertEquals(412, staleDelete.statusCode(), staleDelete.body());
            assertEquals(writes, fx.store.writes.size(), "a refused write writes nothing");
            assertEquals("Ada L.", fx.store.get("ada-1").name());

            HttpResponse<String> bad = send(rename(fx, "ada-1", "X").header("If-Match", "\"three\""));
            assertEquals(400, bad.statusCode(), bad.body());
            assertEquals("invalid_if_match", Json.MAPPER.readTree(bad.body()).get("error").asText());

            assertEquals(204, send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities/ada-1")).header("If-Match", "\"4\"").DELETE()).statusCode());
            assertEquals(404, send(rename(fx, "ada-1", "Back").header("If-Match", "*")).statusCode(), "If-Match: * needs the identity");
            assertEquals(null, fx.store.writes.get(fx.store.writes.size() - 1).getValue(), "the last write is the tombstone");
        }
    }
}
