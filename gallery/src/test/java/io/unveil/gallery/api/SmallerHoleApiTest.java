package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.serde.Json;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 25 item 8: the smaller holes found from outside, each closed. */
class SmallerHoleApiTest {
    static final HttpClient http = HttpClient.newHttpClient();

    private static void put(ApiFixture fx, String id) {
        fx.store.put(new GalleryEntry(id, "Ada", new float[]{1, 0}, 1, 0.5f, 1, 1, 1, Map.of()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void methodOverrideHeaderDoesNotDelete() throws Exception {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            put(fx, "ada-1");
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities/ada-1"))
                    .header("X-Api-Key", ApiFixture.ADMIN).header("X-HTTP-Method-Override", "DELETE").GET());
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("method_override_refused", Json.MAPPER.readTree(r.body()).get("error").asText());
            assertNotNull(fx.store.get("ada-1"), "still there");
        }
    }

    @Test
    void headNeedsAKey() throws Exception {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(401, r.statusCode());
            HttpResponse<String> ok = send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities"))
                    .header("X-Api-Key", ApiFixture.READER).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, ok.statusCode());
        }
    }

    @Test
    void trailingSlashDeleteIsNotTheIdentity() throws Exception {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            put(fx, "ada-2");
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities/ada-2/"))
                    .header("X-Api-Key", ApiFixture.ADMIN).DELETE());
            assertEquals(404, r.statusCode(), r.body());
            assertNotNull(fx.store.get("ada-2"));
        }
    }

    @Test
    void jettyLevelErrorsCarryTheSecurityHeaders() throws Exception {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            for (String request : new String[]{
                    "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",            // 414
                    "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n", // 431
                    "GET / HTTP/7.0\r\nHost: x\r\n\r\n",                                      // 505 / 400
                    "BROKEN\r\n\r\n"}) {                                                     // 400
                String response = raw(fx.api.port(), request);
                String head = response.split("\r\n\r\n", 2)[0];
                assertTrue(head.matches("(?s)HTTP/1\\.1 (400|414|431|505).*"), head);
                for (var h : GalleryApi.SECURITY_HEADERS.entrySet())
                    assertTrue(head.toLowerCase().contains((h.getKey() + ": " + h.getValue()).toLowerCase()), h.getKey() + " missing in\n" + head);
            }
        }
    }

    @Test
    void bigJsonBodyIs413() throws Exception {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            put(fx, "ada-3");
            String big = "{\"name\":\"" + "x".repeat(2 << 20) + "\"}";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities/ada-3"))
                    .header("X-Api-Key", ApiFixture.ADMIN).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(big)));
            assertEquals(413, r.statusCode(), r.body().substring(0, Math.min(200, r.body().length())));
        }
    }

    @Test
    void invisibleAndBidiOverrideNamesAreRefused() throws Exception {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            put(fx, "ada-4");
            for (String name : new String[]{"\u200B\u200B", "\u200D\uFEFF\u2060", "Ada \u202Eecila", "\u2066Bob\u2069"}) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities/ada-4"))
                        .header("X-Api-Key", ApiFixture.ADMIN).header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.MAPPER.createObjectNode().put("name", name).toString())));
                assertEquals(400, r.statusCode(), "name " + name.codePoints().mapToObj(Integer::toHexString).toList() + ": " + r.body());
                JsonNode b = Json.MAPPER.readTree(r.body());
                assertEquals("invalid_name", b.get("error").asText());
            }
            assertEquals("Ada", fx.store.get("ada-4").name());
        }
    }

    static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(request.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            int n, total = 0;
            StringBuilder sb = new StringBuilder();
            while ((n = in.read(buf)) > 0 && total < 200_000) {
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                total += n;
                if (sb.indexOf("\r\n\r\n") >= 0 && sb.length() > 0) break;
            }
            return sb.toString();
        }
    }
}
