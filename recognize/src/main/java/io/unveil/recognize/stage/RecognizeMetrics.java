package io.unveil.recognize.stage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unveil.recognize.match.GalleryIndex;

/** Recognition metrics: faces embedded, frame matches/unknowns, events by type, matching latency, gallery size. */
public final class RecognizeMetrics {
    private final MeterRegistry registry;
    private final boolean perIdentity;
    final Counter embedded;
    final Counter frameMatches;
    final Counter frameUnknowns;
    final Counter rejected;
    final Counter rejoined;
    final Counter late;
    final Timer matchLatency;
    final Timer embedLatency;

    public RecognizeMetrics(MeterRegistry registry, GalleryIndex index, boolean perIdentity) {
        this.registry = registry;
        this.perIdentity = perIdentity;
        embedded = Counter.builder("unveil.recognize.faces.embedded").description("faces embedded").register(registry);
        frameMatches = Counter.builder("unveil.recognize.matches").description("frames whose fused track matched an identity").register(registry);
        frameUnknowns = Counter.builder("unveil.recognize.unknowns").description("frames whose fused track matched no identity").register(registry);
        rejected = Counter.builder("unveil.recognize.rejected").description("faces sent to the DLQ").register(registry);
        rejoined = Counter.builder("unveil.recognize.visits.rejoined")
                .description("new tracker tracks re-identified as the continuation of a visit within the gap").register(registry);
        late = Counter.builder("unveil.recognize.faces.late")
                .description("faces dropped because their visit had already ended (a stage delivered them out of capture-time order)")
                .register(registry);
        matchLatency = Timer.builder("unveil.recognize.match.latency").description("gallery matching time per face").register(registry);
        embedLatency = Timer.builder("unveil.recognize.embed.latency").description("embedding time per face").register(registry);
        Gauge.builder("unveil.recognize.gallery.size", index, GalleryIndex::size).description("identities in the gallery").register(registry);
        Gauge.builder("unveil.recognize.strangers.named.share", index, GalleryIndex::strangersNamedEstimate)
                .description("share of strangers' visits the thresholds in force may give an enrolled person's name: 1 - (1 - FAR)^N "
                        + "for the gallery's N identities (grows with the gallery unless recognize.visit-far holds it)")
                .register(registry);
    }

    void event(String type, String identityId) {
        registry.counter("unveil.recognize.events", "type", type).increment();
        if (perIdentity && identityId != null) registry.counter("unveil.recognize.identity.matches", "identity", identityId).increment();
    }
}
