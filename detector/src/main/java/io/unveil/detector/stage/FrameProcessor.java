package io.unveil.detector.stage;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.record.Frame;
import io.unveil.core.runtime.DeadLetters;
import io.unveil.core.runtime.Outcome;
import io.unveil.core.serde.FrameSerde;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.track.IouTracker;
import io.unveil.detector.track.TrackerState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per frame: parse (headers + JPEG), decode, detect, track every detection, then align, measure and gate each face;
 * emit the faces that pass. Anything that cannot be parsed, decoded or analysed becomes a dead letter: the processor
 * never throws on bad input.
 */
final class FrameProcessor implements Processor<String, byte[], String, Outcome<Face>> {
    private static final Logger LOG = LoggerFactory.getLogger(FrameProcessor.class);
    static final String STAGE = "detector";

    private final DetectorConfig config;
    private final FaceAnalyzer analyzer;
    private final FaceAssessor assessor;
    private final DetectorMetrics metrics;
    private final IouTracker tracker;
    private ProcessorContext<String, Outcome<Face>> ctx;
    private KeyValueStore<String, TrackerState> tracks;

    FrameProcessor(DetectorConfig config, FaceAnalyzer analyzer, FaceCropper cropper, DetectorMetrics metrics) {
        this.config = config;
        this.analyzer = analyzer;
        this.assessor = new FaceAssessor(config, cropper);
        this.metrics = metrics;
        this.tracker = new IouTracker(config.trackIou(), config.trackMaxGapMs());
    }

    @Override
    public void init(ProcessorContext<String, Outcome<Face>> context) {
        this.ctx = context;
        this.tracks = context.getStateStore(DetectorTopology.STORE);
    }

    @Override
    public void process(Record<String, byte[]> rec) {
        long t0 = System.nanoTime();
        try {
            handle(rec);
        } finally {
            metrics.frame.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private void handle(Record<String, byte[]> rec) {
        Frame frame;
        try {
            frame = FrameSerde.fromWire(rec.headers(), rec.value());
        } catch (SerializationException | IllegalArgumentException e) {
            dead(rec, "bad-frame", e.getMessage());
            return;
        }
        RgbImage image;
        try {
            image = Images.decode(frame.jpeg());
        } catch (ImageDecodeException e) {
            dead(rec, "undecodable-image", e.getMessage());
            return;
        } catch (RuntimeException e) {
            dead(rec, "undecodable-image", e.toString());
            return;
        }
        metrics.frames.increment();
        List<DetectedFace> found;
        long d0 = System.nanoTime();
        try {
            found = analyzer.detect(image);
        } catch (RuntimeException e) {
            LOG.warn("camera {} frame {}: detector failed: {}", frame.cameraId(), frame.sequence(), e.toString());
            dead(rec, "detector-error", e.toString());
            return;
        } finally {
            metrics.detect.record(System.nanoTime() - d0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        List<DetectedFace> faces = new ArrayList<>();
        for (DetectedFace f : found) {
            if (f.score() >= config.minScore() && f.landmarks() != null && f.landmarks().length == 136) faces.add(f);
        }
        faces.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
        if (faces.size() > config.maxFaces()) faces = new ArrayList<>(faces.subList(0, config.maxFaces()));
        metrics.detected.increment(faces.size());

        String camera = frame.cameraId();
        TrackerState state = tracks.get(camera);
        if (state == null) state = TrackerState.empty();
        IouTracker.Result tr = tracker.update(state, faces.stream().map(DetectedFace::box).toList(), frame.captureTimeMs());
        tracks.put(camera, tr.state());

        for (int i = 0; i < faces.size(); i++) {
            Face face = toFace(frame, image, faces.get(i), i, tr.trackIds()[i]);
            if (face != null) {
                metrics.emitted.increment();
                ctx.forward(new Record<>(camera, Outcome.of(face), rec.timestamp()));
            }
        }
    }

    /** The face record, or null when the face is rejected (counted by reason). */
    private Face toFace(Frame frame, RgbImage image, DetectedFace f, int index, long trackId) {
        FaceAssessor.Assessment a = assessor.assess(image, f);
        if (!a.passed()) {
            metrics.rejected(a.reject());
            return null;
        }
        String faceId = frame.cameraId() + ":" + frame.captureTimeMs() + ":" + frame.sequence() + ":" + index;
        return new Face(faceId, frame.cameraId(), frame.sequence(), frame.captureTimeMs(), image.width(),
                image.height(), trackId, f.box(), f.score(), f.landmarks().clone(), a.quality(),
                Images.encodePng(a.crops().face128()), Images.encodePng(a.crops().chip150()), null, null, false);
    }

    private void dead(Record<String, byte[]> rec, String reason, String detail) {
        metrics.deadLetter(reason);
        DeadLetter d = DeadLetters.of(STAGE, reason, detail, ctx.recordMetadata(), rec);
        ctx.forward(new Record<>(rec.key(), Outcome.dead(d), rec.timestamp()));
    }
}
