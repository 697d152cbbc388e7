package io.unveil.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus metric names the code base registers, found by reading its main sources: Micrometer meter names
 * ({@code Counter.builder("unveil.x.y")}, {@code registry.timer("...")}, ...) converted the way the Prometheus registry
 * exports them (dots to underscores; counters get {@code _total}, timers {@code _seconds_*}, summaries
 * {@code _count/_sum/_max/_bucket}).
 */
final class MetricCatalogue {
    private static final Pattern METER = Pattern.compile(
            "(Counter|Timer|DistributionSummary|Gauge|LongTaskTimer|FunctionCounter|FunctionTimer|TimeGauge)\\.builder\\(\\s*\"([a-z][a-z0-9_.]*)\""
                    + "|\\.(counter|timer|summary|gauge|gaugeCollectionSize|gaugeMapSize|more\\(\\)\\.longTaskTimer)\\(\\s*\"([a-z][a-z0-9_.]*)\"");
    /** A meter name held in a constant: {@code static final String X = "unveil.y.z";} inside a metrics class. */
    private static final Pattern CONSTANT = Pattern.compile("static final String [A-Z0-9_]+\\s*=\\s*\"(unveil\\.[a-z0-9_.]+)\"");

    private MetricCatalogue() {
    }

    /** Prometheus series names (with their suffixes) for every meter found under {@code root}'s main sources. */
    static Set<String> fromSources(Path root) {
        Set<String> names = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            String src;
            try {
                src = Files.readString(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher m = METER.matcher(src);
            while (m.find()) {
                String kind = m.group(1) != null ? m.group(1) : m.group(3);
                String name = m.group(2) != null ? m.group(2) : m.group(4);
                addSeries(names, kind, name);
            }
            if (f.getFileName().toString().contains("Metric")) {
                Matcher c = CONSTANT.matcher(src);
                while (c.find()) addSeries(names, "any", c.group(1));
            }
        }
        return names;
    }

    static void addSeries(Set<String> names, String kind, String meterName) {
        String base = meterName.replace('.', '_');
        switch (kind) {
            case "Counter", "counter", "FunctionCounter" -> names.add(base.endsWith("_total") ? base : base + "_total");
            case "Timer", "timer", "FunctionTimer", "LongTaskTimer", "more().longTaskTimer" -> {
                for (String s : List.of("_count", "_sum", "_max", "_bucket", "_active_count", "_duration_sum"))
                    names.add(base + "_seconds" + s);
            }
            case "DistributionSummary", "summary" -> {
                for (String s : List.of("", "_count", "_sum", "_max", "_bucket")) names.add(base + s);
            }
            case "Gauge", "gauge", "gaugeCollectionSize", "gaugeMapSize", "TimeGauge" -> {
                names.add(base);
                names.add(base + "_seconds");
            }
            default -> {
                // A named constant whose meter type is not visible here: accept the plausible series.
                for (String s : List.of("", "_total", "_count", "_sum", "_max", "_bucket", "_seconds_count",
                        "_seconds_sum", "_seconds_max", "_seconds_bucket")) names.add(base + s);
            }
        }
    }
}
