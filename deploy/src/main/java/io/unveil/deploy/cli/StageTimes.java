package io.unveil.deploy.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** One line of measured per-stage times from the metrics registry (every Unveil timer with a count). */
final class StageTimes {
    private StageTimes() {
    }

    static String summary(MeterRegistry registry) {
        List<String> parts = new ArrayList<>();
        for (var m : registry.getMeters()) {
            if (!(m instanceof Timer t) || !t.getId().getName().startsWith("unveil.") || t.count() == 0) continue;
            String tags = t.getId().getTags().isEmpty() ? "" : t.getId().getTags().toString()
                    .replace("tag(", "").replace(")", "");
            parts.add(String.format(Locale.ROOT, "%s%s mean %.1f ms (n=%d)", t.getId().getName().substring("unveil.".length()),
                    tags, t.mean(TimeUnit.MILLISECONDS), t.count()));
        }
        parts.sort(null);
        List<String> counts = new ArrayList<>();
        for (var m : registry.getMeters()) {
            if (!(m instanceof io.micrometer.core.instrument.Counter c) || c.count() == 0) continue;
            String n = c.getId().getName();
            if (!n.equals("unveil.detector.rejected") && !n.equals("unveil.detector.dead.letters")) continue;
            counts.add(String.format(Locale.ROOT, "%s[%s] %.0f", n.substring("unveil.detector.".length()),
                    c.getId().getTag("reason"), c.count()));
        }
        counts.sort(null);
        parts.addAll(counts);
        return parts.isEmpty() ? "no stage timings" : String.join("; ", parts);
    }
}
