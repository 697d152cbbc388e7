package io.unveil.detector.stage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Meters of the detector stage ({@code unveil_detector_*} in Prometheus). */
final class DetectorMetrics {
    private final MeterRegistry registry;
    final Counter frames;
    final Counter detected;
    final Counter emitted;
    final Timer detect;
    final Timer frame;

    DetectorMetrics(MeterRegistry registry) {
        this.registry = registry;
        frames = Counter.builder("unveil.detector.frames").description("frames analysed").register(registry);
        detected = Counter.builder("unveil.detector.faces.detected").description("faces found before the quality gate").register(registry);
        emitted = Counter.builder("unveil.detector.faces.emitted").description("faces that passed the gate, sent to unveil.faces").register(registry);
        detect = Timer.builder("unveil.detector.detect").description("face detection + landmarks per frame").register(registry);
        frame = Timer.builder("unveil.detector.frame").description("whole per-frame work: decode, detect, align, gate, track").register(registry);
    }

    void rejected(String reason) {
        Counter.builder("unveil.detector.rejected").description("faces rejected by the quality gate, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    void deadLetter(String reason) {
        Counter.builder("unveil.detector.dead.letters").description("input records sent to unveil.dlq, by reason")
                .tag("reason", reason).register(registry).increment();
    }
}
