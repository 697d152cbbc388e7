package io.unveil.deploy.it;

import static io.unveil.deploy.it.GalleryRecognizeBrokerTest.ADMIN;
import static io.unveil.deploy.it.GalleryRecognizeBrokerTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.runtime.RoleContext;
import io.unveil.deploy.kafka.EmbeddedKafka;
import io.unveil.deploy.kafka.TopicCreator;
import io.unveil.gallery.GalleryService;
import io.unveil.gallery.api.ApiKeys;
import io.unveil.gallery.api.GalleryApi;
import io.unveil.gallery.api.Scope;
import io.unveil.gallery.api.UploadLimits;
import io.unveil.gallery.client.GalleryClient;
import io.unveil.gallery.enroll.ClipEnroller;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentPolicy;
import io.unveil.gallery.events.EventFeed;
import io.unveil.gallery.store.KafkaGalleryStore;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import io.unveil.recognize.testing.PatternEmbedder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 25 item 2 with two gallery processes (two stores, two REST APIs) on one embedded broker, the Kubernetes
 * Deployment scaled to 2: in-process locks cannot order their writes, the topic's single transactional writer does.
 * 50 concurrent add-images spread over both writers are all counted; 100 rename-on-one / delete-on-the-other races
 * leave no identity back after its acknowledged delete; If-Match against the version of either writer's GET gives 412
 * once the other writer moved the identity on. Checked in both writers and in a fresh reader of the topic.
 */
@Timeout(600)
class GalleryTwoWritersBrokerTest {
    private static final Logger log = LoggerFactory.getLogger(GalleryTwoWritersBrokerTest.class);

    record Writer(KafkaGalleryStore store, GalleryApi api, GalleryClient client) implements AutoCloseable {
        static Writer start(RoleContext ctx, String name) throws InterruptedException {
            Enroller enroller = new Enroller(MarkedFaces.chips(new MarkedFaces.Analyzer()), new PatternEmbedder(), EnrollmentPolicy.defaults());
            KafkaGalleryStore store = new KafkaGalleryStore(ctx.producerProperties("it-" + name), ctx.clientProperties());
            GalleryApi api = new GalleryApi(new GalleryService(store, enroller,
                    new ClipEnroller(enroller, MarkedFaces.chips(new MarkedFaces.Analyzer()), 10, 5, 5), UploadLimits.defaults(), null),
                    new EventFeed(10), new ApiKeys(List.of(ApiKeys.fromPlain("it", Scope.ADMIN, ADMIN)))).start("127.0.0.1", 0);
            waitFor(store::ready, name + " loaded");
            return new Writer(store, api, new GalleryClient("http://127.0.0.1:" + api.port(), ADMIN));
        }

        @Override
        public void close() {
            api.close();
            store.close();
        }
    }

    @Test
    void twoGalleryProcessesLoseNoAcknowledgedWrite(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             RoleContext ctx = new RoleContext(kafka.bootstrap(), kafka.withCredential(Settings.empty()), new SimpleMeterRegistry(),
                     Files.createDirectories(dir.resolve("state")), (short) 1, (n, c) -> { })) {
            TopicCreator.ensure(ctx.clientProperties(), (short) 1);
            try (Writer a = Writer.start(ctx, "gallery-a"); Writer b = Writer.start(ctx, "gallery-b")) {
                List<Writer> writers = List.of(a, b);
                Path i1 = dir.resolve("i1.png"), i2 = dir.resolve("i2.png");
                Files.write(i1, MarkedFaces.png(1, Spec.of(7)));
                Files.write(i2, MarkedFaces.png(2, Spec.of(7)));
                String id = a.client().enroll("Dorothy Vaughan", List.of(i1, i2)).get("identity").get("id").asText();
                waitFor(() -> b.store().get(id) != null, "writer b sees the new identity");
                int before = a.store().get(id).count();

                int adds = 50;
                List<Path> extra = new ArrayList<>();
                for (int i = 0; i < adds; i++) {
                    Path p = dir.resolve("x" + i + ".png");
                    Files.write(p, MarkedFaces.png(10 + i, Spec.of(7)));
                    extra.add(p);
                }
                AtomicInteger acknowledged = new AtomicInteger(), busy = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(20);
                List<Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < adds; i++) {
                    Writer w = writers.get(i % 2);
                    Path p = extra.get(i);
                    fs.add(pool.submit(() -> {
                        while (true) {
                            try {
                                acknowledged.addAndGet(w.client().addImages(id, List.of(p)).get("added").asInt());
                                return null;
                            } catch (GalleryClient.ApiError e) {
                                if (e.status != 503 && e.status != 409) throw e; // busy or lost race: not acknowledged
                                busy.incrementAndGet();
                                Thread.sleep(50);
                            }
                        }
                    }));
                }
                for (Future<?> f : fs) f.get(5, TimeUnit.MINUTES);
                waitFor(() -> a.store().get(id).count() == b.store().get(id).count(), "both writers agree");
                int after = a.store().get(id).count();
                log.info("two writers, {} concurrent adds: {} acknowledged, count {} -> {}, {} retried (503/409)", adds,
                        acknowledged.get(), before, after, busy.get());
                assertEquals(adds, acknowledged.get());
                assertEquals(before + adds, after, "every acknowledged add is counted, whichever process took it");

                // If-Match: a version read from one writer is stale once the other moved the identity on
                long v = a.store().get(id).version();
                HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + a.api().port() + "/api/v1/identities/" + id)).header("X-Api-Key", ADMIN).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("\"" + v + "\"", got.headers().firstValue("ETag").orElse(null), "GET names the version as ETag");
                assertEquals(v + 1, b.client().rename(id, "Dorothy J. Vaughan", v).get("version").asLong());
                var stale = assertThrows(GalleryClient.ApiError.class, () -> a.client().rename(id, "Lost Update", v));
                assertEquals(412, stale.status, stale.getMessage());
                assertEquals(412, assertThrows(GalleryClient.ApiError.class, () -> a.client().delete(id, v)).status);
                assertEquals(412, assertThrows(GalleryClient.ApiError.class, () -> a.client().addImages(id, List.of(i1), v)).status);
                waitFor(() -> "Dorothy J. Vaughan".equals(a.store().get(id).name()), "writer a sees the rename");

                // 100 races: rename on one process, delete on the other (sides swap every race)
                int races = 100, renamed = 0;
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < races; i++) {
                    String rid = writers.get(i % 2).client().enroll("Race " + i, List.of(i1)).get("identity").get("id").asText();
                    ids.add(rid);
                }
                for (String rid : ids) waitFor(() -> a.store().get(rid) != null && b.store().get(rid) != null, "both see " + rid);
                CyclicBarrier pair = new CyclicBarrier(2);
                for (int i = 0; i < races; i++) {
                    String rid = ids.get(i);
                    Writer renamer = writers.get(i % 2), deleter = writers.get((i + 1) % 2);
                    Future<Boolean> rename = pool.submit(() -> {
                        pair.await();
                        try {
                            renamer.client().rename(rid, "Renamed " + rid);
                            return true;
                        } catch (GalleryClient.ApiError e) {
                            assertEquals(404, e.status, "a rename that loses the race answers 404: " + e.getMessage());
                            return false;
                        }
                    });
                    Future<?> delete = pool.submit(() -> {
                        pair.await();
                        deleter.client().delete(rid);
                        return null;
                    });
                    delete.get(1, TimeUnit.MINUTES);
                    if (rename.get(1, TimeUnit.MINUTES)) renamed++;
                    assertNull(deleter.store().get(rid), rid + " came back on the deleting process");
                }
                pool.shutdownNow();
                for (String rid : ids) waitFor(() -> a.store().get(rid) == null && b.store().get(rid) == null, rid + " deleted on both");
                log.info("two writers, {} rename/delete races: {} renames acknowledged before their delete", races, renamed);

                try (KafkaGalleryStore fresh = new KafkaGalleryStore(ctx.producerProperties("it-fresh"), ctx.clientProperties())) {
                    waitFor(fresh::ready, "fresh reader");
                    int resurrected = 0;
                    for (String rid : ids) if (fresh.get(rid) != null) resurrected++;
                    assertEquals(0, resurrected, "identities in unveil.gallery after an acknowledged delete");
                    assertEquals(after, fresh.get(id).count(), "the topic holds every acknowledged add");
                    assertEquals("Dorothy J. Vaughan", fresh.get(id).name());
                    assertTrue(fresh.list().size() >= 1);
                }
            }
        }
    }
}
