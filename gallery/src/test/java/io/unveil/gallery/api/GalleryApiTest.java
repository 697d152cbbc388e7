package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.record.Box;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.serde.Json;
import io.unveil.gallery.client.GalleryClient;
import io.unveil.gallery.client.Multipart;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import io.unveil.recognize.match.Vectors;
import io.unveil.recognize.testing.PatternFaces;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryApiTest {
    static ApiFixture fx;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fx = new ApiFixture(new UploadLimits(3L << 20, 1L << 20, 1000, 32, 2L << 20));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    record Res(int status, JsonNode json) {
        String error() {
            return json == null || !json.has("error") ? null : json.get("error").asText();
        }
    }

    static Res call(String method, String path, String key, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.url + path)).timeout(Duration.ofSeconds(60));
        if (key != null) b.header("X-Api-Key", key);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
        return new Res(r.statusCode(), j);
    }

    static Res enroll(String key, String name, byte[]... images) throws Exception {
        Multipart m = new Multipart();
        if (name != null) m.field("name", name);
        for (int i = 0; i < images.length; i++) m.file("images", "img" + i + ".png", "image/png", images[i]);
        return call("POST", "/api/v1/identities", key, m.contentType(), m.build());
    }

    @Test
    void enrollListGetRenameDelete() throws Exception {
        Res created = enroll(ApiFixture.ADMIN, "Ada Lovelace", MarkedFaces.png(1, Spec.of(11)), MarkedFaces.png(2, Spec.of(11)),
                MarkedFaces.png(3));
        assertEquals(201, created.status(), String.valueOf(created.json()));
        String id = created.json().get("identity").get("id").asText();
        assertTrue(id.startsWith("ada-lovelace-"), id);
        assertEquals(2, created.json().get("added").asInt());
        assertEquals(3, created.json().get("images").size());
        assertNull(created.json().get("identity").get("centroid"), "the API never exposes the embedding");
        assertTrue(Vectors.cosine(fx.store.get(id).centroid(), PatternFaces.centroid(11)) > 0.95f);

        Res list = call("GET", "/api/v1/identities", ApiFixture.READER, null, null);
        assertEquals(200, list.status());
        assertTrue(list.json().findValuesAsText("id").contains(id));

        Res renamed = call("PATCH", "/api/v1/identities/" + id, ApiFixture.ADMIN, "application/json",
                "{\"name\":\"Augusta Ada King\"}".getBytes());
        assertEquals(200, renamed.status());
        assertEquals("Augusta Ada King", fx.store.get(id).name());
        assertEquals(2, fx.store.get(id).version());

        Multipart more = new Multipart().file("images", "x.png", "image/png", MarkedFaces.png(4, Spec.of(11)));
        Res added = call("POST", "/api/v1/identities/" + id + "/images", ApiFixture.ADMIN, more.contentType(), more.build());
        assertEquals(200, added.status(), String.valueOf(added.json()));
        assertEquals(3, added.json().get("identity").get("count").asInt());

        assertEquals(204, call("DELETE", "/api/v1/identities/" + id, ApiFixture.ADMIN, null, null).status());
        assertNull(fx.store.get(id));
        assertNull(fx.store.writes.get(fx.store.writes.size() - 1).getValue(), "delete publishes a tombstone");
        Res gone = call("GET", "/api/v1/identities/" + id, ApiFixture.READER, null, null);
        assertEquals(404, gone.status());
        assertEquals("not_found", gone.error());
    }

    @Test
    void authentication() throws Exception {
        Res none = call("GET", "/api/v1/identities", null, null, null);
        assertEquals(401, none.status());
        assertEquals("missing_api_key", none.error());
        Res wrong = call("GET", "/api/v1/identities", "admin-key-0123456789abcdeX", null, null);
        assertEquals(401, wrong.status());
        assertEquals("invalid_api_key", wrong.error());
        Res readOnly = enroll(ApiFixture.READER, "Eve", MarkedFaces.png(1, Spec.of(3)));
        assertEquals(403, readOnly.status());
        assertEquals("insufficient_scope", readOnly.error());
        assertEquals(403, call("DELETE", "/api/v1/identities/x", ApiFixture.READER, null, null).status());
        assertEquals(200, call("GET", "/api/v1/openapi.json", null, null, null).status(), "the API description is public");
    }

    @Test
    void limitsAndMalformedInput() throws Exception {
        Res noName = enroll(ApiFixture.ADMIN, null, MarkedFaces.png(1, Spec.of(3)));
        assertEquals(400, noName.status());
        assertEquals("missing_name", noName.error());
        Res noImages = enroll(ApiFixture.ADMIN, "Bob");
        assertEquals(400, noImages.status());
        assertEquals("no_images", noImages.error());
        Res notMultipart = call("POST", "/api/v1/identities", ApiFixture.ADMIN, "application/json", "{}".getBytes());
        assertEquals(415, notMultipart.status());
        Res garbage = enroll(ApiFixture.ADMIN, "Bob", "this is not an image".getBytes());
        assertEquals(422, garbage.status());
        assertEquals("no_usable_image", garbage.error());
        assertEquals("not an image", garbage.json().get("details").get(0).get("reason").asText());
        Res noFace = enroll(ApiFixture.ADMIN, "Bob", MarkedFaces.png(5));
        assertEquals(422, noFace.status());
        assertEquals("no face", noFace.json().get("details").get(0).get("reason").asText());
        // a PNG declaring 5000x5000 pixels is refused from its header, before decoding
        byte[] big = io.unveil.core.image.Images.encodePng(new io.unveil.core.image.RgbImage(1200, 40, new byte[1200 * 40 * 3]));
        Res tooWide = enroll(ApiFixture.ADMIN, "Bob", big);
        assertEquals(413, tooWide.status());
        assertEquals("image_dimensions", tooWide.error());
        Res tooBig = enroll(ApiFixture.ADMIN, "Bob", new byte[(int) (1.5 * (1 << 20))]);
        assertEquals(413, tooBig.status(), String.valueOf(tooBig.json()));
        Res huge = enroll(ApiFixture.ADMIN, "Bob", new byte[1 << 20], new byte[1 << 20], new byte[1 << 20], new byte[1 << 20]);
        assertEquals(413, huge.status());
        assertEquals("request_too_large", huge.error());
        Res badJson = call("PATCH", "/api/v1/identities/x", ApiFixture.ADMIN, "application/json", "{nope".getBytes());
        assertEquals(400, badJson.status());
        assertEquals("malformed_json", badJson.error());
        Res badLimit = call("GET", "/api/v1/events?limit=abc", ApiFixture.READER, null, null);
        assertEquals(400, badLimit.status());
        assertEquals("invalid_parameter", badLimit.error());
        Res unknownRoute = call("GET", "/api/v1/nothing", ApiFixture.READER, null, null);
        assertEquals(404, unknownRoute.status());
        assertNotNull(unknownRoute.error());
    }

    static RecognitionEvent event(String id, String camera, String identity) {
        return new RecognitionEvent(id, "FIRST", camera, System.currentTimeMillis(), 1, new Box(1, 2, 3, 4), identity,
                identity == null ? null : identity.toUpperCase(), identity == null ? "unknown-1" : null, 0.9f, 0.2f, 3,
                0f, false, false, Map.of("embedder", "test"), new RecognitionEvent.Thumbnails(null, null, null));
    }

    @Test
    void eventsQueryAndLiveStream() throws Exception {
        fx.feed.publish(event("e1", "cam1", "alice"));
        fx.feed.publish(event("e2", "cam2", null));
        Res q = call("GET", "/api/v1/events?camera=cam2", ApiFixture.READER, null, null);
        assertEquals(200, q.status());
        assertEquals(1, q.json().size());
        assertEquals("unknown-1", q.json().get(0).get("unknownId").asText());
        assertEquals(401, call("GET", "/api/v1/events/stream", null, null, null).status());

        HttpRequest sse = HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/events/stream?identity=bob"))
                .header("X-Api-Key", ApiFixture.READER).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> res = http.send(sse, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"), res.headers().map().toString());
        BufferedReader r = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8));
        CompletableFuture<String> data = null;
        try {
            data = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = r.readLine()) != null; ) if (line.startsWith("data:")) return line.substring(5).trim();
                    return null;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long deadline = System.currentTimeMillis() + 5000;
            while (fx.feed.subscribers() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            fx.feed.publish(event("e3", "cam1", "alice")); // filtered out
            fx.feed.publish(event("e4", "cam1", "bob"));
            JsonNode got = Json.MAPPER.readTree(data.get(10, TimeUnit.SECONDS));
            assertEquals("e4", got.get("eventId").asText());
            assertEquals("bob", got.get("identityId").asText());
        } finally {
            // close the body, not the reader: the reader's lock is held by the thread blocked in readLine, so closing
            // it would hang this test forever when the event never comes
            res.body().close();
            if (data != null) data.cancel(true);
        }
    }

    @Test
    void cliClientRoundTrip(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        Files.write(a, MarkedFaces.png(7, Spec.of(21)));
        Files.write(b, MarkedFaces.png(8, Spec.of(21)));
        GalleryClient c = new GalleryClient(fx.url, ApiFixture.ADMIN);
        JsonNode created = c.enroll("Grace Hopper", List.of(a, b));
        String id = created.get("identity").get("id").asText();
        assertTrue(c.list().findValuesAsText("id").contains(id));
        assertEquals("Grace Hopper", c.get(id).get("name").asText());
        c.delete(id);
        GalleryClient.ApiError err = org.junit.jupiter.api.Assertions.assertThrows(GalleryClient.ApiError.class, () -> c.get(id));
        assertEquals(404, err.status);
        assertFalse(new GalleryClient(fx.url, "nope-nope-nope-nope").toString().isEmpty());
    }

    @Test
    void enrollFromAClip(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("walk-by.avi");
        io.unveil.gallery.enroll.ClipEnrollerTest.writeClip(clip, 12, 0);
        Multipart m = new Multipart().field("name", "Clip Person").file("clip", "walk-by.avi", "video/x-msvideo", Files.readAllBytes(clip));
        Res r = call("POST", "/api/v1/identities/clip", ApiFixture.ADMIN, m.contentType(), m.build());
        assertEquals(201, r.status(), String.valueOf(r.json()));
        assertTrue(r.json().get("added").asInt() >= 4);
        Multipart junk = new Multipart().field("name", "X").file("clip", "x.mp4", "video/mp4", "nope".getBytes());
        Res bad = call("POST", "/api/v1/identities/clip", ApiFixture.ADMIN, junk.contentType(), junk.build());
        assertEquals(400, bad.status());
        assertEquals("bad_clip", bad.error());
        Multipart noClip = new Multipart().field("name", "X");
        Res missing = call("POST", "/api/v1/identities/clip", ApiFixture.ADMIN, noClip.contentType(), noClip.build());
        assertEquals(400, missing.status());
        assertEquals("no_clip", missing.error());
        Res broken = call("POST", "/api/v1/identities/clip", ApiFixture.ADMIN, new Multipart().contentType(), noClip.build());
        assertEquals(400, broken.status(), String.valueOf(broken.json()));
        assertEquals("malformed_multipart", broken.error());
    }

    @Test
    void servesTheWebPage() throws Exception {
        for (String path : new String[]{"/app.js", "/style.css", "/index.html", "/"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fx.url + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            assertFalse(r.body().contains("http://") || r.body().contains("https://"), path + " loads nothing from outside");
        }
    }

    static byte[] jpeg(int w, int h) {
        return io.unveil.core.image.Images.encodeJpeg(new io.unveil.core.image.RgbImage(w, h, new byte[w * h * 3]), 90);
    }

    @Test
    void camerasListTheirLatestFrameAndServeItsSnapshot() throws Exception {
        assertEquals(401, call("GET", "/api/v1/cameras", null, null, null).status(), "a read key is needed like for events");
        fx.cameras.offer(new io.unveil.core.record.Frame("door cam", 7, 1_767_225_600_000L, jpeg(256, 144)));
        fx.cameras.offer(new io.unveil.core.record.Frame("hall", 3, 1_767_225_601_000L, jpeg(48, 32)));
        Res list = call("GET", "/api/v1/cameras", ApiFixture.READER, null, null);
        assertEquals(200, list.status());
        JsonNode door = list.json().get(0);
        assertEquals("door cam", door.get("cameraId").asText());
        assertEquals(1_767_225_600_000L, door.get("captureTimeMs").asLong());
        assertEquals(7, door.get("sequence").asLong());
        assertEquals(256, door.get("frameWidth").asInt());
        assertEquals(144, door.get("frameHeight").asInt());
        assertEquals(64, door.get("width").asInt(), "downscaled to the fixture's 64 px");
        assertEquals(36, door.get("height").asInt());
        assertEquals("/api/v1/cameras/door%20cam/snapshot.jpg", door.get("snapshot").asText());
        assertEquals("hall", list.json().get(1).get("cameraId").asText());

        HttpResponse<byte[]> img = http.send(HttpRequest.newBuilder(URI.create(fx.url + door.get("snapshot").asText()))
                .header("X-Api-Key", ApiFixture.READER).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, img.statusCode());
        assertEquals("image/jpeg", img.headers().firstValue("Content-Type").orElse(""));
        assertEquals("1767225600000", img.headers().firstValue("X-Capture-Time-Ms").orElse(""));
        assertEquals("no-store", img.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(door.get("bytes").asInt(), img.body().length);
        io.unveil.core.image.RgbImage back = io.unveil.core.image.Images.decode(img.body());
        assertEquals(64, back.width());
        assertEquals(36, back.height());
    }

    @Test
    void anUnknownCameraIsA404WithAJsonReasonNamingTheKnownOnes() throws Exception {
        fx.cameras.offer(new io.unveil.core.record.Frame("hall", 3, 1_767_225_601_000L, jpeg(48, 32)));
        Res r = call("GET", "/api/v1/cameras/nope/snapshot.jpg", ApiFixture.READER, null, null);
        assertEquals(404, r.status());
        assertEquals("camera_not_found", r.error());
        String reason = r.json().get("reason").asText();
        assertTrue(reason.contains("'nope'") && reason.contains("hall"), reason);
        assertEquals(401, call("GET", "/api/v1/cameras/hall/snapshot.jpg", null, null, null).status());
    }

    @Test
    void openApiDocumentCoversEveryRoute() throws Exception {
        JsonNode doc = call("GET", "/api/v1/openapi.json", null, null, null).json();
        assertEquals("3.0.3", doc.get("openapi").asText());
        JsonNode paths = doc.get("paths");
        for (String p : List.of("/identities", "/identities/clip", "/identities/{id}", "/identities/{id}/images",
                "/identities/{id}/clip", "/recognize", "/unknowns/{unknownId}/identify", "/cameras", "/cameras/{id}/snapshot.jpg", "/events",
                "/events/stream", "/openapi.json"))
            assertTrue(paths.has(p), "missing " + p);
        assertTrue(paths.get("/identities/{id}").has("patch"));
        assertTrue(paths.get("/identities/{id}").has("delete"));
        assertEquals("X-Api-Key", doc.get("components").get("securitySchemes").get("apiKey").get("name").asText());
    }

    /** Every enrollment response names the enrolled identities the recognizer could take the new one for; told, not refused. */
    @Test
    void theSamePersonEnrolledTwiceIsToldAndAnotherPersonIsNot() throws Exception {
        Res first = enroll(ApiFixture.ADMIN, "Mary", MarkedFaces.png(1, Spec.of(41)), MarkedFaces.png(2, Spec.of(41)));
        assertEquals(201, first.status(), String.valueOf(first.json()));
        assertEquals(0, first.json().get("similarIdentities").size(), "nobody enrolled here looks like person 41");

        Res twin = enroll(ApiFixture.ADMIN, "Mary Somerville", MarkedFaces.png(3, Spec.of(41)));
        assertEquals(201, twin.status(), "told, not refused: " + twin.json());
        JsonNode similar = twin.json().get("similarIdentities");
        assertEquals(1, similar.size(), similar.toString());
        assertEquals("Mary", similar.get(0).get("name").asText());
        assertEquals(first.json().get("identity").get("id").asText(), similar.get(0).get("identityId").asText());
        assertTrue(similar.get(0).get("similarity").floatValue() >= ApiFixture.THRESHOLD, similar.toString());

        Res other = enroll(ApiFixture.ADMIN, "Grace", MarkedFaces.png(4, Spec.of(42)), MarkedFaces.png(5, Spec.of(42)));
        assertEquals(201, other.status());
        assertEquals(0, other.json().get("similarIdentities").size(), "another person: " + other.json());
    }
}
