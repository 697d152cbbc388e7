package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.Box;
import io.unveil.core.record.RecognitionEvent;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 25 item 4: live-event clients that never read do not slow the feed, the other live clients or GET /events;
 * they are cut off once their bounded queue is full.
 */
class SlowSseClientTest {
    private static final Logger log = LoggerFactory.getLogger(SlowSseClientTest.class);

    static RecognitionEvent big(String id) {
        byte[] thumb = new byte[64 * 1024]; // ~87 KB of base64 per event: a few fill a stuck client's socket buffers
        return new RecognitionEvent(id, "FIRST", "cam1", System.currentTimeMillis(), 1, new Box(1, 2, 3, 4), "alice",
                "ALICE", null, 0.9f, 0.2f, 3, 0f, false, false, Map.of("embedder", "test"),
                new RecognitionEvent.Thumbnails(thumb, null, null));
    }

    @Test
    void stuckClientsBlockNeitherTheFeedNorOtherClients() throws Exception {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            fx.api.sseLimits(64, 1000, 64);
            List<Socket> stuck = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    Socket s = new Socket();
                    s.setReceiveBufferSize(4096);
                    s.connect(new InetSocketAddress("127.0.0.1", fx.api.port()));
                    OutputStream o = s.getOutputStream();
                    o.write(("GET /api/v1/events/stream HTTP/1.1\r\nHost: x\r\nX-Api-Key: " + ApiFixture.READER
                            + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                    stuck.add(s); // never read
                }
                Map<String, Long> seen = new ConcurrentHashMap<>();
                HttpClient http = HttpClient.newHttpClient();
                CompletableFuture<HttpResponse<Stream<String>>> live = http.sendAsync(HttpRequest.newBuilder(
                                URI.create(fx.url + "/api/v1/events/stream")).header("X-Api-Key", ApiFixture.READER)
                                .header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                HttpResponse<Stream<String>> res = live.get(10, TimeUnit.SECONDS);
                Thread reader = new Thread(() -> res.body().forEach(l -> {
                    if (l.startsWith("id:")) seen.put(l.substring(3).trim(), System.nanoTime());
                }));
                reader.setDaemon(true);
                reader.start();
                long deadline = System.currentTimeMillis() + 10_000;
                while (fx.feed.subscribers() < 6 && System.currentTimeMillis() < deadline) Thread.sleep(20);
                assertEquals(6, fx.feed.subscribers(), "5 stuck + 1 live client subscribed");

                long worstPublishMs = 0;
                // 400 events of ~87 KB at ~9 MB/s for > 4 s: a stuck client's writer makes no progress for over 1 s
                // with its 64-event queue full and is cut off; a reading client at most drops a few in a burst
                for (int i = 0; i < 400; i++) {
                    long t0 = System.nanoTime();
                    fx.feed.publish(big("e" + i));
                    worstPublishMs = Math.max(worstPublishMs, (System.nanoTime() - t0) / 1_000_000);
                    if (i % 5 == 4) Thread.sleep(50);
                }
                long t0 = System.nanoTime();
                fx.feed.publish(big("marker"));
                while (!seen.containsKey("marker") && System.nanoTime() - t0 < 5_000_000_000L) Thread.sleep(10);
                long markerMs = seen.containsKey("marker") ? (seen.get("marker") - t0) / 1_000_000 : -1;

                long q0 = System.nanoTime();
                HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/events?limit=5"))
                        .header("X-Api-Key", ApiFixture.READER).timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                long queryMs = (System.nanoTime() - q0) / 1_000_000;
                log.info("5 stuck SSE clients: worst publish {} ms, live client got the marker after {} ms, GET /events {} ms, "
                        + "subscribers left {}, live client saw {} events", worstPublishMs, markerMs, queryMs, fx.feed.subscribers(), seen.size());
                assertTrue(worstPublishMs < 500, "publishing waited " + worstPublishMs + " ms for a client");
                assertTrue(markerMs >= 0 && markerMs < 1000, "live client got the event after " + markerMs + " ms");
                assertEquals(200, events.statusCode());
                assertTrue(queryMs < 1000, "GET /events took " + queryMs + " ms");
                assertEquals(1, fx.feed.subscribers(), "the stuck clients were cut off, the live one kept");
            } finally {
                for (Socket s : stuck) s.close();
            }
        }
    }
}
