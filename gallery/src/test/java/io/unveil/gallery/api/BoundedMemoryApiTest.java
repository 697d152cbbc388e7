package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.serde.Json;
import io.unveil.gallery.client.Multipart;
import io.unveil.gallery.enroll.ClipEnroller;
import io.unveil.gallery.enroll.ClipEnrollerTest;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentPolicy;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.detector.align.FaceChips;
import io.unveil.recognize.testing.PatternEmbedder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25 item 3: one request or clip cannot take the heap; refusals are JSON with a status that says why. */
class BoundedMemoryApiTest {

    /** The bomb (6 x 20 blank 4096x4096 PNGs) against a 256 MB heap: every request 413, the JVM survives. */
    @Test
    void pngBombIsRefusedBeforeDecodingInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                MemoryBombMain.class.getName()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) lines.add(l);
        }
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        String out = String.join("\n", lines);
        assertEquals(0, p.exitValue(), out);
        List<String> responses = lines.stream().filter(l -> l.matches("^\\d{3} .*")).toList();
        assertEquals(6, responses.size(), out);
        for (String l : responses) {
            assertTrue(l.startsWith("413 "), out);
            JsonNode body = Json.MAPPER.readTree(l.substring(4));
            assertEquals("too_many_pixels", body.get("error").asText(), out);
        }
        assertFalse(out.contains("OutOfMemoryError"), out);
    }

    @Test
    void clipOverThePixelBudgetIsRefusedFromItsHeader(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.avi");
        ClipEnrollerTest.writeClip(clip, 20, 0);
        FaceChips chips = MarkedFaces.chips(new MarkedFaces.Analyzer());
        Enroller enroller = new Enroller(chips, new PatternEmbedder(), EnrollmentPolicy.defaults());
        // 20 frames of 320x320 sampled need 2.0 MP; a 1 MP budget refuses it before decoding a frame
        ClipEnroller.ClipTooLargeException e = assertThrows(ClipEnroller.ClipTooLargeException.class,
                () -> new ClipEnroller(enroller, chips, 20, 6, 10, 1_000_000).prepare(clip));
        assertTrue(e.getMessage().contains("320x320"), e.getMessage());
        assertFalse(e.getMessage().contains(dir.toString()), "no server path in the message: " + e.getMessage());
        assertTrue(new ClipEnroller(enroller, chips, 20, 6, 10, 3_000_000).enroll(clip, null).ok(), "within the budget it enrolls");
    }

    @Test
    void aBadClipErrorDoesNotShowTheServerTempPath() throws Exception {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            Multipart m = new Multipart().field("name", "X").file("clip", "c.mp4", "video/mp4", "not a video at all".getBytes());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities/clip"))
                    .header("X-Api-Key", ApiFixture.ADMIN).header("Content-Type", m.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(m.build())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), r.body());
            String tmp = System.getProperty("java.io.tmpdir");
            assertFalse(r.body().contains(tmp) || r.body().contains("unveil-clip"), r.body());
        }
    }

    @Test
    void fullGateAnswers503WithRetryAfterAndOutOfMemoryIsAJsonError() throws Exception {
        EnrollmentGate gate = new EnrollmentGate(1, 1);
        CountDownLatch running = new CountDownLatch(1), release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> a = pool.submit(() -> {
            gate.run(() -> {
                running.countDown();
                release.await();
            });
            return null;
        });
        running.await();
        Future<?> b = pool.submit(() -> {
            gate.run(() -> { });
            return null;
        });
        while (gate.admitted() < 2) Thread.sleep(5);
        ApiException busy = assertThrows(ApiException.class, () -> gate.run(() -> { }));
        assertEquals(503, busy.status());
        assertEquals(Integer.toString(EnrollmentGate.RETRY_AFTER_S), busy.headers().get("Retry-After"));
        release.countDown();
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        ApiException oom = assertThrows(ApiException.class, () -> gate.run(() -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertEquals("out_of_memory", oom.code());
        assertEquals(0, gate.admitted(), "every slot is given back");
    }

    @Test
    void busyGalleryAnswers503OverHttp() throws Exception {
        // a gate of 1 running + 0 waiting: the second concurrent request is refused while the first is still in flight
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults().withEnrollment(UploadLimits.DEFAULT_MAX_REQUEST_PIXELS, 1, 0))) {
            byte[] img = MarkedFaces.png(1, MarkedFaces.Spec.of(42));
            Multipart m = new Multipart().field("name", "Slow");
            for (int i = 0; i < 10; i++) m.file("images", i + ".png", "image/png", img);
            byte[] body = m.build();
            HttpClient http = HttpClient.newHttpClient();
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++)
                all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities"))
                        .header("X-Api-Key", ApiFixture.ADMIN).header("Content-Type", m.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
            int created = 0, busy = 0;
            for (var f : all) {
                HttpResponse<String> r = f.get(2, TimeUnit.MINUTES);
                if (r.statusCode() == 201) created++;
                if (r.statusCode() == 503) {
                    busy++;
                    assertEquals("busy", Json.MAPPER.readTree(r.body()).get("error").asText());
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                }
            }
            assertTrue(created >= 1 && busy >= 1 && created + busy == 8, created + " created, " + busy + " busy");
        }
    }
}
