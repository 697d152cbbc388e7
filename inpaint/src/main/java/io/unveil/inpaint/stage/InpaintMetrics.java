package io.unveil.inpaint.stage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Micrometer meters of the inpaint stage. */
final class InpaintMetrics {
    final Counter passed;
    final Counter repaired;
    final Counter estimatedOnly;
    final Timer batch;
    final DistributionSummary batchSize;
    private final MeterRegistry registry;

    InpaintMetrics(MeterRegistry registry) {
        this.registry = registry;
        passed = Counter.builder("unveil.inpaint.faces").tag("result", "unoccluded").register(registry);
        repaired = Counter.builder("unveil.inpaint.faces").tag("result", "repaired").register(registry);
        estimatedOnly = Counter.builder("unveil.inpaint.faces").tag("result", "occluded-not-repaired").register(registry);
        batch = Timer.builder("unveil.inpaint.batch").description("one generator call").register(registry);
        batchSize = DistributionSummary.builder("unveil.inpaint.batch.size").register(registry);
    }

    void deadLetter(String reason) {
        Counter.builder("unveil.inpaint.dead").tag("reason", reason).register(registry).increment();
    }
}
