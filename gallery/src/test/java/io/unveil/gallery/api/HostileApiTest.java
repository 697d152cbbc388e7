package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.serde.Json;
import io.unveil.gallery.GalleryService;
import io.unveil.gallery.client.Multipart;
import io.unveil.gallery.enroll.ClipEnroller;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentPolicy;
import io.unveil.gallery.events.EventFeed;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import io.unveil.gallery.testing.MemoryGalleryStore;
import io.unveil.detector.align.FaceChips;
import io.unveil.recognize.testing.PatternEmbedder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile clients against the REST API: every rejection is a clean 4xx JSON error with the security headers. */
class HostileApiTest {
    static final String ADMIN = "admin-key-0123456789abcdef";
    static final String READER = "read-key-0123456789abcdef";
    static final HttpClient http = HttpClient.newHttpClient();

    record Res(int status, JsonNode json, HttpResponse<String> raw) {
        String error() {
            return json == null || !json.has("error") ? null : json.get("error").asText();
        }
    }

    static final class Api implements AutoCloseable {
        final MemoryGalleryStore store = new MemoryGalleryStore();
        final GalleryApi api;
        final String url;

        Api(UploadLimits limits, RateLimiter limiter, Path keep) {
            FaceChips chips = MarkedFaces.chips(new MarkedFaces.Analyzer());
            Enroller enroller = new Enroller(chips, new PatternEmbedder(), EnrollmentPolicy.defaults());
            GalleryService service = new GalleryService(store, enroller, new ClipEnroller(enroller, chips, 40, 8, 10), limits, keep);
            ApiKeys keys = new ApiKeys(List.of(ApiKeys.fromPlain("ops", Scope.ADMIN, ADMIN), ApiKeys.fromPlain("screen", Scope.READ, READER)));
            api = new GalleryApi(service, new EventFeed(10), keys, limiter).start("127.0.0.1", 0);
            url = "http://127.0.0.1:" + api.port();
        }

        Res call(String method, String path, String key, String contentType, byte[] body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
            if (key != null) b.header("X-Api-Key", key);
            if (contentType != null) b.header("Content-Type", contentType);
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode j = null;
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json") && !r.body().isEmpty())
                j = Json.MAPPER.readTree(r.body());
            return new Res(r.statusCode(), j, r);
        }

        Res enroll(String key, String name, String filename, byte[] image) throws Exception {
            Multipart m = new Multipart();
            if (name != null) m.field("name", name);
            m.file("images", filename, "image/png", image);
            return call("POST", "/api/v1/identities", key, m.contentType(), m.build());
        }

        @Override
        public void close() {
            api.close();
        }
    }

    static UploadLimits limits(int maxSide) {
        return new UploadLimits(3L << 20, 1L << 20, maxSide, 32, 2L << 20);
    }

    static void assertJsonError(Res r, int status, String code) {
        assertEquals(status, r.status(), r.raw().body());
        assertNotNull(r.json(), "JSON error body: " + r.raw().body());
        assertEquals(code, r.error(), r.raw().body());
        assertEquals(status, r.json().get("status").asInt());
        assertFalse(r.json().get("reason").asText().isBlank());
    }

    static void assertSecurityHeaders(Res r) {
        var h = r.raw().headers();
        GalleryApi.SECURITY_HEADERS.forEach((k, v) -> assertEquals(v, h.firstValue(k).orElse(null), k + " on " + r.raw().uri()));
        assertTrue(h.firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
        assertFalse(h.firstValue("Content-Security-Policy").orElseThrow().contains("unsafe-inline"));
    }

    /** A 200-byte PNG that declares width x height pixels (a decompression bomb if anyone trusted the header). */
    static byte[] bombPng(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        Deflater d = new Deflater(9);
        d.setInput(new byte[64 * 1024]); // zeros: would inflate into gigabytes of pixels row after row
        d.finish();
        byte[] buf = new byte[4096];
        int n = d.deflate(buf);
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void securityHeadersOnEveryResponseAndThePageNeedsNoInlineCode() throws Exception {
        try (Api a = new Api(limits(1000), RateLimiter.unlimited(), null)) {
            Res page = a.call("GET", "/", null, null, null);
            assertEquals(200, page.status());
            assertSecurityHeaders(page);
            String html = page.raw().body();
            assertFalse(html.matches("(?is).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "inline <script> would be blocked by the CSP");
            assertFalse(html.matches("(?is).*\\son[a-z]+\\s*=.*"), "inline event handler attributes would be blocked");
            assertFalse(html.matches("(?is).*\\sstyle\\s*=.*|.*<style.*"), "inline styles would be blocked");
            String js = a.call("GET", "/app.js", null, null, null).raw().body();
            assertFalse(js.contains("eval(") || js.contains("new Function"), "no eval under script-src 'self'");
            assertFalse(js.contains(".style.") || js.contains("setAttribute('style'"), "no inline styles");
            assertSecurityHeaders(a.call("GET", "/app.js", null, null, null));
            assertSecurityHeaders(a.call("GET", "/api/v1/openapi.json", null, null, null));
            Res denied = a.call("GET", "/api/v1/identities", null, null, null);
            assertJsonError(denied, 401, "missing_api_key");
            assertSecurityHeaders(denied);
            assertEquals("no-store", denied.raw().headers().firstValue("Cache-Control").orElse(null));
            Res ok = a.call("GET", "/api/v1/identities", READER, null, null);
            assertEquals(200, ok.status());
            assertSecurityHeaders(ok);
            Res missing = a.call("GET", "/api/v1/nothing/here", READER, null, null);
            assertJsonError(missing, 404, "not_found");
            assertSecurityHeaders(missing);
        }
    }

    @Test
    void malformedJsonBodies() throws Exception {
        try (Api a = new Api(limits(1000), RateLimiter.unlimited(), null)) {
            String path = "/api/v1/identities/x";
            for (String body : List.of("{nope", "", "[1,2]", "\"name\"", "null", "{\"name\": 5}", "{\"name\": null}",
                    "{\"name\": \"a\"} trailing", "[".repeat(200_000))) {
                Res r = a.call("PATCH", path, ADMIN, "application/json", body.getBytes(StandardCharsets.UTF_8));
                assertEquals(400, r.status(), "body " + body.substring(0, Math.min(40, body.length())) + ": " + r.raw().body());
                assertNotNull(r.error());
                assertSecurityHeaders(r);
            }
            Res notUtf8 = a.call("PATCH", path, ADMIN, "application/json", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
            assertEquals(400, notUtf8.status(), notUtf8.raw().body());
            byte[] big = ("{\"name\": \"" + "a".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
            Res tooBig = a.call("PATCH", path, ADMIN, "application/json", big);
            assertTrue(tooBig.status() == 413 || tooBig.status() == 400, tooBig.raw().body());
            assertNotNull(tooBig.error());
            Res wellFormedButUnknown = a.call("PATCH", path, ADMIN, "application/json", "{\"name\":\"Ann\"}".getBytes());
            assertJsonError(wellFormedButUnknown, 404, "not_found");
        }
    }

    @Test
    void decompressionBombAndNonImagesAreCleanErrors() throws Exception {
        byte[] bomb = bombPng(30000, 30000);
        assertTrue(bomb.length < 400, "tiny file: " + bomb.length);
        try (Api a = new Api(limits(1000), RateLimiter.unlimited(), null)) {
            assertJsonError(a.enroll(ADMIN, "Bomb", "bomb.png", bomb), 413, "image_dimensions");
            Res garbage = a.enroll(ADMIN, "Junk", "junk.png", "%PDF-1.4 not an image".getBytes());
            assertJsonError(garbage, 422, "no_usable_image");
            byte[] face = MarkedFaces.png(1, Spec.of(3));
            // cut right after the header: dimensions readable, no pixel data (OpenCV decodes partly-truncated PNGs leniently)
            Res truncated = a.enroll(ADMIN, "Cut", "cut.png", java.util.Arrays.copyOf(face, 40));
            assertTrue(truncated.status() == 422 || truncated.status() == 400, truncated.raw().body());
            assertNotNull(truncated.error());
            Res empty = a.enroll(ADMIN, "Empty", "e.png", new byte[0]);
            assertTrue(empty.status() >= 400 && empty.status() < 500, empty.raw().body());
            assertTrue(a.store.list().isEmpty(), "nothing enrolled from hostile uploads");
        }
        // with a permissive side limit the header check passes, and core's decoder refuses the pixel count itself
        try (Api a = new Api(limits(100_000), RateLimiter.unlimited(), null)) {
            Res r = a.enroll(ADMIN, "Bomb", "bomb.png", bomb);
            assertTrue(r.status() == 413 || r.status() == 422, r.raw().body());
            assertNotNull(r.error());
            assertTrue(a.store.list().isEmpty());
        }
    }

    @Test
    void namesAndFilenamesAreNeverPaths(@TempDir Path dir) throws Exception {
        Path keep = Files.createDirectories(dir.resolve("keep"));
        Files.writeString(dir.resolve("victim.txt"), "untouched");
        try (Api a = new Api(limits(1000), RateLimiter.unlimited(), keep)) {
            byte[] face = MarkedFaces.png(1, Spec.of(3));
            Res r = a.enroll(ADMIN, "../../etc/passwd", "../../victim.txt", face);
            assertEquals(201, r.status(), r.raw().body());
            String id = r.json().get("identity").get("id").asText();
            assertTrue(id.matches("[a-z0-9-]+"), "id is a safe slug: " + id);
            assertEquals("../../etc/passwd", r.json().get("identity").get("name").asText(), "the name is stored as text");
            assertEquals("untouched", Files.readString(dir.resolve("victim.txt")));
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList())
                    assertTrue(f.equals(dir.resolve("victim.txt")) || f.startsWith(keep.resolve(id)), "written outside: " + f);
            }
            for (String bad : List.of("bob\u0000", "bob\r\nX-Injected: 1", "\u001b[31mred", "a\u007fb", " ", "x".repeat(201))) {
                Res rejected = a.enroll(ADMIN, bad, "a.png", face);
                assertTrue(rejected.status() == 400, bad + ": " + rejected.raw().body());
                assertTrue(List.of("invalid_name", "missing_name").contains(rejected.error()), rejected.error());
            }
            Res renamed = a.call("PATCH", "/api/v1/identities/" + id, ADMIN, "application/json",
                    "{\"name\":\"eve\\u0000\\n\"}".getBytes());
            assertJsonError(renamed, 400, "invalid_name");
            for (String p : List.of("..%2F..%2Fvictim.txt", "%2e%2e", "..", "a%00b")) {
                Res del = a.call("DELETE", "/api/v1/identities/" + p, ADMIN, null, null);
                assertTrue(del.status() == 404 || del.status() == 400, p + ": " + del.status());
            }
            assertEquals("untouched", Files.readString(dir.resolve("victim.txt")));
            assertEquals(204, a.call("DELETE", "/api/v1/identities/" + id, ADMIN, null, null).status());
            assertFalse(Files.exists(keep.resolve(id)), "kept images go with the identity");
        }
    }

    @Test
    void apiKeysMissingWrongOrReadOnly() throws Exception {
        try (Api a = new Api(limits(1000), RateLimiter.unlimited(), null)) {
            byte[] face = MarkedFaces.png(1, Spec.of(3));
            assertJsonError(a.call("GET", "/api/v1/identities", null, null, null), 401, "missing_api_key");
            assertJsonError(a.call("GET", "/api/v1/identities", "   ", null, null), 401, "missing_api_key");
            assertJsonError(a.call("GET", "/api/v1/identities", ADMIN + "x", null, null), 401, "invalid_api_key");
            assertJsonError(a.call("GET", "/api/v1/identities", ADMIN.toUpperCase(), null, null), 401, "invalid_api_key");
            assertJsonError(a.call("GET", "/api/v1/identities", "k".repeat(4000), null, null), 401, "invalid_api_key");
            assertJsonError(a.call("GET", "/api/v1/identities?api_key=" + ADMIN, null, null, null), 401, "missing_api_key");
            assertJsonError(a.enroll(READER, "Eve", "a.png", face), 403, "insufficient_scope");
            assertJsonError(a.call("DELETE", "/api/v1/identities/x", READER, null, null), 403, "insufficient_scope");
            assertJsonError(a.call("PATCH", "/api/v1/identities/x", READER, "application/json", "{\"name\":\"x\"}".getBytes()),
                    403, "insufficient_scope");
            assertTrue(a.store.list().isEmpty());
        }
    }

    @Test
    void rateLimitedPerKeyWithRetryAfter() throws Exception {
        try (Api a = new Api(limits(1000), new RateLimiter(0.2, 3), null)) {
            for (int i = 0; i < 3; i++) assertEquals(200, a.call("GET", "/api/v1/identities", READER, null, null).status());
            Res limited = a.call("GET", "/api/v1/identities", READER, null, null);
            assertJsonError(limited, 429, "rate_limited");
            long retry = Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry >= 1 && retry <= 5, "Retry-After " + retry);
            assertSecurityHeaders(limited);
            assertEquals(200, a.call("GET", "/api/v1/identities", ADMIN, null, null).status(), "another key has its own bucket");
            // guessing keys from one address is throttled too
            int throttled = 0;
            for (int i = 0; i < 6; i++) {
                Res r = a.call("GET", "/api/v1/identities", "guess-" + i + "-0123456789abcdef", null, null);
                if (r.status() == 429) throttled++;
                else assertEquals(401, r.status());
            }
            assertTrue(throttled >= 3, "wrong-key attempts throttled: " + throttled);
        }
    }

    @Test
    void noApiKeyInLogs() throws Exception {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream cap = new PrintStream(captured, true, StandardCharsets.UTF_8);
        String wrong = "wrong-secret-key-0123456789";
        try (Api a = new Api(limits(1000), new RateLimiter(100, 2), null)) {
            System.setErr(cap);
            System.setOut(cap);
            for (int i = 0; i < 4; i++) {
                a.call("GET", "/api/v1/identities", READER, null, null);
                a.call("GET", "/api/v1/identities", wrong, null, null);
                a.call("PATCH", "/api/v1/identities/x", ADMIN, "application/json", "{bad".getBytes());
                a.enroll(ADMIN, "Bob", "b.png", "junk".getBytes());
                a.call("GET", "/api/v1/events?limit=x", READER, null, null);
            }
            Map<String, String> none = Map.of();
            assertTrue(none.isEmpty());
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        for (String secret : List.of(ADMIN, READER, wrong)) assertFalse(log.contains(secret), "secret in logs:\n" + log);
    }
}
