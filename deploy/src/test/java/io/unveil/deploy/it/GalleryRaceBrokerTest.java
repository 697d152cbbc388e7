package io.unveil.deploy.it;

import static io.unveil.deploy.it.GalleryRecognizeBrokerTest.ADMIN;
import static io.unveil.deploy.it.GalleryRecognizeBrokerTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.GalleryEntry;
import io.unveil.deploy.it.GalleryRecognizeBrokerTest.World;
import io.unveil.deploy.kafka.EmbeddedKafka;
import io.unveil.gallery.client.GalleryClient;
import io.unveil.gallery.store.KafkaGalleryStore;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 25 item 2, over HTTP against the embedded broker: every acknowledged add-images is counted in the identity's
 * descriptor count, and a DELETE that was acknowledged is never undone by a rename racing it, neither in the service
 * nor in the topic (a fresh reader of {@code unveil.gallery} from the beginning). Before the fix concurrent adds merged
 * into the same old centroid and a rename that read the entry before the delete wrote it back after the tombstone.
 */
class GalleryRaceBrokerTest {
    private static final Logger log = LoggerFactory.getLogger(GalleryRaceBrokerTest.class);

    @Test
    void concurrentAddsAreAllCountedAndDeletesWinOverRenames(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             World w = World.start(kafka, dir)) {
            Path a1 = dir.resolve("a1.png"), a2 = dir.resolve("a2.png");
            Files.write(a1, MarkedFaces.png(1, Spec.of(42)));
            Files.write(a2, MarkedFaces.png(2, Spec.of(42)));
            String id = w.client().enroll("Katherine Johnson", List.of(a1, a2)).get("identity").get("id").asText();
            int before = w.store().get(id).count();

            // 50 concurrent add-images of one image each on one identity
            int adds = 50;
            List<Path> extra = new ArrayList<>();
            for (int i = 0; i < adds; i++) {
                Path p = dir.resolve("x" + i + ".png");
                Files.write(p, MarkedFaces.png(10 + i, Spec.of(42)));
                extra.add(p);
            }
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(25);
            CyclicBarrier start = new CyclicBarrier(25);
            List<Future<?>> fs = new ArrayList<>();
            AtomicInteger busy = new AtomicInteger();
            for (Path p : extra) fs.add(pool.submit(() -> {
                if (extra.indexOf(p) < 25) start.await();
                while (true) {
                    try {
                        int added = w.client().addImages(id, List.of(p)).get("added").asInt();
                        acknowledged.addAndGet(added);
                        return null;
                    } catch (GalleryClient.ApiError e) {
                        // the enrollment gate (2 running + 4 waiting) refuses the rest with 503: not acknowledged,
                        // so the client tries again (sooner than Retry-After, to keep the test short)
                        if (e.status != 503) throw e;
                        busy.incrementAndGet();
                        Thread.sleep(50);
                    }
                }
            }));
            for (Future<?> f : fs) f.get(5, TimeUnit.MINUTES);
            int after = w.store().get(id).count();
            log.info("concurrent adds: {} acknowledged descriptors, count {} -> {}, {} answers 503 busy", acknowledged.get(),
                    before, after, busy.get());
            assertEquals(adds, acknowledged.get(), "every add was acknowledged with its image");
            assertEquals(before + acknowledged.get(), after, "every acknowledged add is counted");

            // 100 rename/delete races: the delete is acknowledged, so the identity must stay deleted
            GalleryClient c = w.client();
            int races = 100, renamedOk = 0;
            List<String> ids = new ArrayList<>();
            GalleryEntry template = w.store().get(id);
            for (int i = 0; i < races; i++) {
                String rid = "race-" + i;
                w.store().put(new GalleryEntry(rid, "Race " + i, template.centroid(), 1, template.meanQuality(), 1,
                        System.currentTimeMillis(), System.currentTimeMillis(), Map.of()));
                ids.add(rid);
            }
            CyclicBarrier pair = new CyclicBarrier(2);
            for (String rid : ids) {
                Future<Boolean> rename = pool.submit(() -> {
                    pair.await();
                    try {
                        c.rename(rid, "Renamed " + rid);
                        return true;
                    } catch (GalleryClient.ApiError e) {
                        assertEquals(404, e.status, "a rename that loses the race answers 404");
                        return false;
                    }
                });
                Future<?> delete = pool.submit(() -> {
                    pair.await();
                    c.delete(rid);
                    return null;
                });
                delete.get(1, TimeUnit.MINUTES);
                if (rename.get(1, TimeUnit.MINUTES)) renamedOk++;
                assertNull(w.store().get(rid), rid + " came back after its delete was acknowledged");
            }
            log.info("rename/delete races: {} renames acknowledged, {} deletes acknowledged", renamedOk, races);
            pool.shutdownNow();

            for (String rid : ids) assertTrue(c.list().findValues("id").stream().noneMatch(n -> n.asText().equals(rid)));
            // the topic itself, read by a fresh reader from the beginning
            try (KafkaGalleryStore fresh = new KafkaGalleryStore(w.ctx().producerProperties("it-fresh"), w.ctx().clientProperties())) {
                waitFor(fresh::ready, "fresh reader");
                int resurrected = 0;
                for (String rid : ids) if (fresh.get(rid) != null) resurrected++;
                assertEquals(0, resurrected, "identities present in unveil.gallery after an acknowledged delete");
                assertEquals(after, fresh.get(id).count(), "the topic holds the count of every acknowledged add");
            }
        }
    }
}
