package io.unveil.research.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of a benchmark run: measure, Unveil's number, the reference's number (same run, same pixels) and their ratio.
 * Printed as a fixed-width table and appended as a markdown section.
 */
public final class BenchTable {
    /** One measure; {@code reference}/{@code refName} NaN/null when there is none. Lower is better unless {@code higherIsBetter}. */
    public record Row(String measure, double value, double cpu, String unit, String refName, double reference, double refCpu,
                      boolean higherIsBetter) {
        /** How many times better Unveil is than the reference (wall), NaN without one. */
        public double ratio() {
            if (Double.isNaN(reference)) return Double.NaN;
            return higherIsBetter ? value / reference : reference / value;
        }

        public double cpuRatio() {
            if (Double.isNaN(refCpu) || Double.isNaN(cpu)) return Double.NaN;
            return higherIsBetter ? cpu / refCpu : refCpu / cpu;
        }
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchTable(String title) {
        this.title = title;
    }

    public void add(Row r) {
        rows.add(r);
    }

    public void add(String measure, double value, double cpu, String unit) {
        rows.add(new Row(measure, value, cpu, unit, null, Double.NaN, Double.NaN, false));
    }

    public void note(String n) {
        notes.add(n);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public void print(PrintStream out) {
        out.println(title);
        out.printf(Locale.ROOT, "%-58s %12s %10s  %-10s %-34s %12s %10s %8s %8s%n", "measure", "value", "CPU", "unit",
                "reference", "ref value", "ref CPU", "ratio", "CPU ratio");
        for (Row r : rows)
            out.printf(Locale.ROOT, "%-58s %12s %10s  %-10s %-34s %12s %10s %8s %8s%n", r.measure(), num(r.value()), num(r.cpu()),
                    r.unit(), r.refName() == null ? "-" : r.refName(), num(r.reference()), num(r.refCpu()), x(r.ratio()),
                    x(r.cpuRatio()));
        notes.forEach(n -> out.println("  " + n));
        out.flush();
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(title).append("\n\n");
        b.append(String.format(Locale.ROOT, "Run %s, %d cores, load average %.1f at the end (machine shared with other jobs).%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), loadAverage()));
        b.append("| measure | value | CPU | unit | reference | ref value | ref CPU | ratio (wall) | ratio (CPU) |\n");
        b.append("|---|---:|---:|---|---|---:|---:|---:|---:|\n");
        for (Row r : rows)
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.measure(), num(r.value()),
                    num(r.cpu()), r.unit(), r.refName() == null ? "-" : r.refName(), num(r.reference()), num(r.refCpu()),
                    x(r.ratio()), x(r.cpuRatio())));
        if (!notes.isEmpty()) {
            b.append('\n');
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    /** Appends the markdown section to {@code file} (created when absent). */
    public void appendTo(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, "\n" + markdown(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "-";
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (Math.abs(v) >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String x(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1fx", v);
    }
}
