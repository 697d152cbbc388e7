package io.unveil.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard parses, has the panels the operations issue asks for, and every PromQL query names only metrics
 * that exist: registered in the code base (found by {@link MetricCatalogue}), exported by Kafka's own clients or by
 * Strimzi's Kafka Exporter, or listed in deploy/grafana/pending-metrics.txt (named in the plan, not yet emitted).
 */
class GrafanaDashboardTest {
    static final Path DASHBOARD = DeployPaths.module().resolve("grafana/unveil-dashboard.json");
    static final Path PENDING = DeployPaths.module().resolve("grafana/pending-metrics.txt");
    /** Series from outside Unveil's code: Strimzi Kafka Exporter and the Kafka consumer's own (Micrometer-bound) metrics. */
    static final Set<String> EXTERNAL = Set.of("kafka_consumergroup_lag", "kafka_consumergroup_current_offset",
            "kafka_topic_partition_current_offset", "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_consumer_fetch_manager_records_consumed_rate");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "rate", "irate", "increase",
            "by", "without", "histogram_quantile", "clamp_min", "clamp_max", "topk", "bottomk", "on", "ignoring",
            "group_left", "group_right", "and", "or", "unless", "bool", "offset", "le", "e");
    private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** Metric names in a PromQL expression: identifiers that are not functions, keywords, labels or numbers. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")       // string literals
                .replaceAll("\\{[^}]*}", "")                                // label matchers
                .replaceAll("\\[[^]]*]", "")                                // range selectors
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "") // label lists
                .replaceAll("\\b\\d+(\\.\\d+)?(e-?\\d+)?\\b", "");          // numbers
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            String id = m.group();
            int after = m.end();
            while (after < s.length() && s.charAt(after) == ' ') after++;
            boolean call = after < s.length() && s.charAt(after) == '(';
            if (!call && !PROMQL_WORDS.contains(id)) names.add(id);
        }
        return names;
    }

    @Test
    void extractorFindsMetricsOnly() {
        assertEquals(Set.of("a_seconds_bucket"), metricNames("histogram_quantile(0.95, sum by (le) (rate(a_seconds_bucket{x=\"y\"}[5m])))"));
        assertEquals(Set.of("m_total", "n_total"), metricNames("sum(rate(m_total[1m])) / clamp_min(sum(rate(n_total{occluded=\"true\"}[1m])), 1e-9)"));
    }

    @Test
    void dashboardParsesAndEveryQueryUsesKnownMetrics() throws IOException {
        JsonNode dash = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).readTree(DASHBOARD.toFile());
        assertEquals("unveil-pipeline", dash.path("uid").asText());
        Set<String> emitted = MetricCatalogue.fromSources(DeployPaths.repoRoot());
        Set<String> pending = new TreeSet<>();
        for (String line : Files.readAllLines(PENDING)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) pending.add(l.split("\\s+")[0]);
        }
        Set<String> used = new TreeSet<>(), unknown = new TreeSet<>(), stillPending = new TreeSet<>();
        Set<Integer> ids = new HashSet<>();
        Set<String> titles = new TreeSet<>();
        for (JsonNode panel : dash.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids unique");
            titles.add(panel.path("title").asText().toLowerCase());
            assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has queries");
            for (JsonNode t : panel.path("targets")) {
                String expr = t.path("expr").asText();
                assertFalse(expr.isBlank(), panel.path("title") + " empty query");
                assertEquals(count(expr, '('), count(expr, ')'), "balanced parentheses: " + expr);
                for (String name : metricNames(expr)) {
                    used.add(name);
                    if (emitted.contains(name) || EXTERNAL.contains(name)) continue;
                    if (pending.contains(name)) stillPending.add(name);
                    else unknown.add(name);
                }
            }
        }
        for (String need : List.of("frames/s", "faces/s", "occluded share", "inpaint latency", "batch size", "match / unknown",
                "consumer lag", "dlq")) {
            assertTrue(titles.stream().anyMatch(t -> t.contains(need)), "a panel about " + need + " in " + titles);
        }
        assertTrue(unknown.isEmpty(), "dashboard queries metrics that no code registers and that are not listed as pending: " + unknown);
        Set<String> stale = new TreeSet<>(pending);
        stale.retainAll(emitted);
        System.out.printf("dashboard: %d metric names; emitted by code: %d; external: %d; pending (not yet emitted): %s; "
                        + "pending but now emitted (drop from pending-metrics.txt): %s%n", used.size(),
                used.stream().filter(emitted::contains).count(), used.stream().filter(EXTERNAL::contains).count(), stillPending, stale);
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
