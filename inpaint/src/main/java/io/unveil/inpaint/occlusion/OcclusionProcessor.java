package io.unveil.inpaint.occlusion;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.runtime.RecordDeadLetters;
import io.unveil.core.record.Face;
import io.unveil.core.record.Occlusion;
import io.unveil.core.serde.Json;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The occlusion step of the faces path: parses a {@link Face} (raw JSON bytes, so garbage can be dead-lettered),
 * decodes its aligned 128x128 PNG, maps its frame landmarks into the aligned face, estimates the occlusion mask and
 * emits {@code face.withOcclusion(...)} (mask PNG, ratios, {@code occluded} routing flag). Unparsable records,
 * undecodable or wrongly sized aligned images and estimator failures become dead letters; it never throws on input.
 */
public final class OcclusionProcessor implements Processor<String, byte[], String, OcclusionOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(OcclusionProcessor.class);
    public static final String STAGE = "occlusion";

    private final FaceOcclusionModel model;
    private ProcessorContext<String, OcclusionOutput> ctx;

    public OcclusionProcessor(FaceOcclusionModel model) {
        this.model = model;
    }

    @Override
    public void init(ProcessorContext<String, OcclusionOutput> context) {
        this.ctx = context;
    }

    @Override
    public void process(Record<String, byte[]> rec) {
        Face face;
        try {
            if (rec.value() == null) throw new IllegalArgumentException("null value");
            face = Json.MAPPER.readValue(rec.value(), Face.class);
        } catch (Exception e) {
            dead(rec, "bad-face-record", e.getMessage());
            return;
        }
        if (face.aligned() == null) {
            dead(rec, "no-aligned-face", "face " + face.faceId() + " has no aligned image");
            return;
        }
        RgbImage aligned;
        try {
            aligned = Images.decode(face.aligned());
        } catch (ImageDecodeException e) {
            dead(rec, "undecodable-aligned", e.getMessage());
            return;
        } catch (RuntimeException e) {
            dead(rec, "undecodable-aligned", e.toString());
            return;
        }
        if (aligned.width() != OcclusionNet.SIZE || aligned.height() != OcclusionNet.SIZE) {
            dead(rec, "bad-aligned-size", aligned.width() + "x" + aligned.height() + ", expected 128x128");
            return;
        }
        float[] lm = alignedLandmarks(face.landmarks());
        try {
            OcclusionResult r = model.estimate(List.of(aligned), Collections.singletonList(lm)).get(0);
            Occlusion o = r.toRecord(model.model());
            ctx.forward(new Record<>(rec.key(), OcclusionOutput.face(face.withOcclusion(o)), rec.timestamp(), rec.headers()));
        } catch (RuntimeException e) {
            LOG.warn("face {}: occlusion estimate failed: {}", face.faceId(), e.toString());
            dead(rec, "estimator-error", e.toString());
        }
    }

    /** Frame landmarks mapped into FACE_128 with the aligner's own transform; null when absent or degenerate. */
    public static float[] alignedLandmarks(float[] frameLandmarks) {
        if (frameLandmarks == null || frameLandmarks.length != 136) return null;
        try {
            double[] m = FaceAligner.matrix(frameLandmarks, AlignTarget.FACE_128);
            float[] out = new float[136];
            for (int i = 0; i < 68; i++) {
                double x = frameLandmarks[2 * i], y = frameLandmarks[2 * i + 1];
                out[2 * i] = (float) (m[0] * x + m[1] * y + m[2]);
                out[2 * i + 1] = (float) (m[3] * x + m[4] * y + m[5]);
            }
            return out;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void dead(Record<String, byte[]> rec, String reason, String detail) {
        DeadLetter d = RecordDeadLetters.of(STAGE, reason, detail, ctx.recordMetadata(), rec);
        ctx.forward(new Record<>(rec.key(), OcclusionOutput.dead(d), rec.timestamp()));
    }
}
