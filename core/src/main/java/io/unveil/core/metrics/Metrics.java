package io.unveil.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The process-wide metrics registry. Stages register counters/timers here; {@link MetricsServer} exposes it. */
public final class Metrics {
    private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Metrics() {
    }

    public static MeterRegistry registry() {
        return REGISTRY;
    }

    public static PrometheusMeterRegistry prometheus() {
        return REGISTRY;
    }
}
