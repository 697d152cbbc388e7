package io.unveil.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-camera ingest meters ({@code unveil_ingest_*} in Prometheus). */
public final class IngestMetrics {
    private final MeterRegistry registry;
    private final String camera;
    final Counter decoded;
    final Counter sent;
    final Counter reconnects;
    final Timer decodeLatency;
    final Counter outages;
    final Timer outage;
    final AtomicInteger connected = new AtomicInteger();

    public IngestMetrics(MeterRegistry registry, String camera) {
        this.registry = registry;
        this.camera = camera;
        decoded = Counter.builder("unveil.ingest.frames.decoded").description("frames decoded from the source")
                .tag("camera", camera).register(registry);
        sent = Counter.builder("unveil.ingest.frames.sent").description("frames acknowledged by Kafka")
                .tag("camera", camera).register(registry);
        reconnects = Counter.builder("unveil.ingest.reconnects").description("reconnect attempts of a live source")
                .tag("camera", camera).register(registry);
        decodeLatency = Timer.builder("unveil.ingest.decode").description("time to grab, decode and JPEG-encode a frame")
                .tag("camera", camera).register(registry);
        outages = Counter.builder("unveil.ingest.outages").description("times a live source stopped delivering frames")
                .tag("camera", camera).register(registry);
        outage = Timer.builder("unveil.ingest.outage")
                .description("gap from the last frame before a source dropped to the first frame after it came back")
                .tag("camera", camera).register(registry);
        Gauge.builder("unveil.ingest.connected", connected, AtomicInteger::get)
                .description("1 while the source is open").tag("camera", camera).register(registry);
    }

    /** reason: rate (over the fps cap), convert (frame could not be converted), send (Kafka refused it). */
    public void dropped(String reason) {
        Counter.builder("unveil.ingest.frames.dropped").description("frames not sent, by reason")
                .tag("camera", camera).tag("reason", reason).register(registry).increment();
    }

    public void sent() {
        sent.increment();
    }

    public double sentCount() {
        return sent.count();
    }
}
