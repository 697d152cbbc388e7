package io.unveil.inpaint.stage;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.record.Occlusion;
import io.unveil.core.runtime.DeadLetters;
import io.unveil.core.runtime.Outcome;
import io.unveil.core.serde.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** See {@link InpaintTopology}. */
final class InpaintProcessor implements Processor<String, byte[], String, Outcome<Face>> {
    private static final Logger LOG = LoggerFactory.getLogger(InpaintProcessor.class);
    static final String STAGE = "inpaint";
    private static final int SIZE = 128;

    private final InpaintConfig config;
    private final OcclusionStep occlusion;
    private final Repairer repairer;
    private final InpaintMetrics metrics;
    private ProcessorContext<String, Outcome<Face>> ctx;
    private KeyValueStore<String, Pending> store;
    private long counter;
    private int pending;
    private long oldestMs = Long.MAX_VALUE;

    InpaintProcessor(InpaintConfig config, OcclusionStep occlusion, Repairer repairer, InpaintMetrics metrics) {
        this.config = config;
        this.occlusion = occlusion;
        this.repairer = repairer;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Outcome<Face>> context) {
        ctx = context;
        store = context.getStateStore(InpaintTopology.STORE);
        try (KeyValueIterator<String, Pending> it = store.all()) { // restored after a restart: flush on the next tick
            while (it.hasNext()) {
                KeyValue<String, Pending> kv = it.next();
                pending++;
                oldestMs = Math.min(oldestMs, kv.value.arrivedMs());
                counter = Math.max(counter, Long.parseLong(kv.key.substring(0, 19)) + 1);
            }
        }
        long tick = Math.max(1, config.maxWait().toMillis() / 2);
        context.schedule(java.time.Duration.ofMillis(tick), PunctuationType.WALL_CLOCK_TIME, now -> {
            if (pending > 0 && now - oldestMs >= config.maxWait().toMillis()) flush();
        });
    }

    @Override
    public void process(Record<String, byte[]> rec) {
        Face face;
        try {
            if (rec.value() == null) throw new IllegalArgumentException("null value");
            face = Json.MAPPER.readValue(rec.value(), Face.class);
            if (face == null || face.aligned() == null) throw new IllegalArgumentException("face without aligned image");
        } catch (Exception e) {
            dead(rec, "bad-face", e.getMessage());
            return;
        }
        Occlusion occ = face.occlusion();
        try {
            if (occ == null) {
                RgbImage aligned = Images.decode(face.aligned());
                occ = occlusion.estimate(aligned, face.landmarks());
            }
            if (occ.occluded() && occ.maskPng() == null) throw new IllegalArgumentException("occluded face without mask");
        } catch (ImageDecodeException | IllegalArgumentException e) {
            dead(rec, "bad-image", e.getMessage());
            return;
        }
        Face withOcc = face.withOcclusion(occ);
        if (!occ.occluded()) {
            metrics.passed.increment();
            ctx.forward(new Record<>(rec.key(), Outcome.of(withOcc), rec.timestamp()));
            return;
        }
        if (!config.repair()) {
            // inpaint.repair=false: the estimate travels with the face as seen (recognize: OCCLUDED condition)
            metrics.estimatedOnly.increment();
            ctx.forward(new Record<>(rec.key(), Outcome.of(withOcc), rec.timestamp()));
            return;
        }
        long now = ctx.currentSystemTimeMs();
        store.put(String.format("%019d", counter++), new Pending(rec.key(), withOcc, rec.timestamp(), now));
        pending++;
        oldestMs = Math.min(oldestMs, now);
        if (pending >= config.maxBatch()) flush();
    }

    /** Repairs everything in the batch store in one generator call and forwards the results in arrival order. */
    void flush() {
        List<KeyValue<String, Pending>> batch = new ArrayList<>();
        try (KeyValueIterator<String, Pending> it = store.all()) {
            while (it.hasNext()) batch.add(it.next());
        }
        pending = 0;
        oldestMs = Long.MAX_VALUE;
        if (batch.isEmpty()) return;
        List<RgbImage> faces = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        List<KeyValue<String, Pending>> ok = new ArrayList<>();
        for (KeyValue<String, Pending> kv : batch) {
            try {
                Face f = kv.value.face();
                RgbImage img = Images.decode(f.aligned());
                if (img.width() != SIZE || img.height() != SIZE) img = Images.resize(img, SIZE, SIZE);
                faces.add(img);
                masks.add(mask(f.occlusion().maskPng()));
                ok.add(kv);
            } catch (RuntimeException e) {
                store.delete(kv.key);
                deadPending(kv.value, e.getMessage());
            }
        }
        long t0 = System.nanoTime();
        List<RgbImage> repaired = repairer.repair(faces, masks);
        metrics.batch.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        metrics.batchSize.record(faces.size());
        for (int i = 0; i < ok.size(); i++) {
            Pending p = ok.get(i).value;
            RgbImage r = repaired.get(i);
            Face out = p.face().withRepaired(Images.encodePng(r), Images.encodePng(Images.resize(r, 150, 150)));
            ctx.forward(new Record<>(p.key(), Outcome.of(out), p.timestamp()));
            store.delete(ok.get(i).key);
            metrics.repaired.increment();
        }
        LOG.debug("repaired a batch of {} faces in {} ms", faces.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Mask PNG (any size, 255 = occluded) as 128x128 floats in {0,1}. */
    static float[] mask(byte[] png) {
        RgbImage m = Images.decode(png);
        if (m.width() != SIZE || m.height() != SIZE) m = Images.resize(m, SIZE, SIZE);
        float[] out = new float[SIZE * SIZE];
        byte[] d = m.data();
        for (int i = 0; i < out.length; i++) out[i] = (d[i * 3] & 0xff) >= 128 ? 1f : 0f;
        return out;
    }

    @Override
    public void close() {
    }

    private void dead(Record<String, byte[]> rec, String reason, String detail) {
        metrics.deadLetter(reason);
        DeadLetter d = DeadLetters.of(STAGE, reason, detail, ctx.recordMetadata(), rec);
        ctx.forward(new Record<>(rec.key(), Outcome.dead(d), rec.timestamp()));
    }

    private void deadPending(Pending p, String detail) {
        metrics.deadLetter("bad-pending");
        // flushed by a punctuation, long after its input record: no source offset to name
        DeadLetter d = DeadLetters.of(STAGE, "bad-pending", detail, Optional.empty(), p.key(), null, null, p.timestamp());
        ctx.forward(new Record<>(p.key(), Outcome.dead(d), p.timestamp()));
    }
}
