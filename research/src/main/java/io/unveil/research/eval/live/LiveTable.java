package io.unveil.research.eval.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The live test's table: per group, how many segments got each decision, and how fast the right answer came. */
public final class LiveTable {
    /**
     * One group's row. {@code right}: the person's name for enrolled people, unknown for strangers; seconds from the
     * first frame of a segment to its first right event (median, and the largest), over the segments decided right;
     * the decision latency: frames and capture-time ms from a visit's first face to its FIRST event (medians over the
     * segments with a FIRST event), what the evidence rule (recognize.name-frames, recognize.min-frames-unknown) costs.
     */
    public record Row(LiveGroup group, int segments, int correct, int wrong, int unknown, int noEvent, int noFace, double medianFirstRightS,
                      double maxFirstRightS, double medianDecisionFrames, double medianDecisionMs) {
        public int right() {
            return group.enrolled() ? correct : unknown;
        }
    }

    private LiveTable() {
    }

    public static List<Row> rows(List<SegmentResult> results) {
        List<Row> out = new ArrayList<>();
        for (LiveGroup g : LiveGroup.values()) {
            int n = 0, correct = 0, wrong = 0, unknown = 0, none = 0, noFace = 0;
            List<Double> times = new ArrayList<>(), latencyFrames = new ArrayList<>(), latencyMs = new ArrayList<>();
            for (SegmentResult r : results) {
                if (r.segment().group() != g) continue;
                n++;
                if (!Double.isNaN(r.firstDecisionFrames())) {
                    latencyFrames.add(r.firstDecisionFrames());
                    latencyMs.add(r.firstDecisionMs());
                }
                switch (r.decision()) {
                    case CORRECT -> correct++;
                    case WRONG -> wrong++;
                    case UNKNOWN -> unknown++;
                    case NO_EVENT -> none++;
                }
                if (r.faces() == 0) noFace++;
                boolean right = g.enrolled() ? r.decision() == Decision.CORRECT : r.decision() == Decision.UNKNOWN;
                if (right && !Double.isNaN(r.firstRightSeconds())) times.add(r.firstRightSeconds());
            }
            double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.add(new Row(g, n, correct, wrong, unknown, none, noFace, median(t), t.length == 0 ? Double.NaN : t[t.length - 1],
                    median(sorted(latencyFrames)), median(sorted(latencyMs))));
        }
        return out;
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) return Double.NaN;
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** Markdown: one row per group (empty groups left out), counts with shares. */
    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| group | segments | correct name | wrong name | unknown | no event | no face on unveil.faces | first right event, median / max s "
                + "| FIRST after the visit's first face, median frames / ms |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            if (r.segments() == 0) continue;
            b.append("| ").append(r.group().label()).append(" | ").append(r.segments()).append(" | ")
                    .append(r.group().enrolled() ? share(r.correct(), r.segments()) : "-").append(" | ")
                    .append(share(r.wrong(), r.segments())).append(" | ")
                    .append(share(r.unknown(), r.segments())).append(r.group().enrolled() ? "" : " (right)").append(" | ")
                    .append(share(r.noEvent(), r.segments())).append(" | ")
                    .append(share(r.noFace(), r.segments())).append(" | ")
                    .append(Double.isNaN(r.medianFirstRightS()) ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", r.medianFirstRightS(), r.maxFirstRightS()))
                    .append(" | ")
                    .append(Double.isNaN(r.medianDecisionFrames()) ? "-" : String.format(Locale.ROOT, "%.0f / %.0f", r.medianDecisionFrames(), r.medianDecisionMs()))
                    .append(" |\n");
        }
        return b.toString();
    }

    static String share(int k, int n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%d/%d (%.0f%%)", k, n, 100.0 * k / n);
    }

    /**
     * Occluded segments per occluder type, when more than one type was drawn ({@code --occlusion realistic}): enrolled
     * people named correctly and strangers left unknown, and wrong names; empty otherwise.
     */
    public static String byOccluder(List<SegmentResult> results) {
        java.util.Map<String, int[]> t = new java.util.TreeMap<>(); // enrolled, correct, strangers, unknown, wrong
        for (SegmentResult r : results) {
            if (!r.segment().occluded()) continue;
            int[] c = t.computeIfAbsent(r.segment().occluder(), k -> new int[5]);
            if (r.segment().enrolled()) {
                c[0]++;
                if (r.decision() == Decision.CORRECT) c[1]++;
            } else {
                c[2]++;
                if (r.decision() == Decision.UNKNOWN) c[3]++;
            }
            if (r.decision() == Decision.WRONG) c[4]++;
        }
        if (t.size() < 2) return "";
        StringBuilder b = new StringBuilder("| occluder | enrolled named correctly | strangers unknown | wrong names |\n|---|---|---|---|\n");
        t.forEach((type, c) -> b.append("| ").append(type).append(" | ").append(share(c[1], c[0])).append(" | ")
                .append(share(c[3], c[2])).append(" | ").append(c[4]).append(" of ").append(c[0] + c[2]).append(" |\n"));
        return b.toString();
    }

    /** The whole run's wrong names, for the terminal. */
    public static String summary(List<Row> rows) {
        int wrong = rows.stream().mapToInt(Row::wrong).sum();
        int n = rows.stream().mapToInt(Row::segments).sum();
        return String.format(Locale.ROOT, "wrong names: %d of %d segments", wrong, n);
    }
}
