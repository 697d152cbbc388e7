package io.unveil.research.eval.detection;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Landmark error per region and alignment error per (method, condition), all in units of the ground truth's
 * inter-ocular distance ({@link FacePoints}); means over the faces the method found.
 */
final class SyntheticErrors {
    private static final FacePoints.Region[] REGIONS = FacePoints.Region.values();
    /** method -> condition -> sums: [faces, alignment, region 0.., chin (point 8) vertical offset] */
    private final Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();

    void add(String method, String condition, float[] lm, float[] truth, double[] m, double[] truthM) {
        double[] s = sums.computeIfAbsent(method, k -> new LinkedHashMap<>())
                .computeIfAbsent(condition, k -> new double[3 + REGIONS.length]);
        s[0]++;
        s[1] += FacePoints.alignmentError(m, truthM, truth);
        if (lm == null) {
            s[2] = Double.NaN;
            return;
        }
        for (int r = 0; r < REGIONS.length; r++) s[2 + r] += FacePoints.nme(lm, truth, REGIONS[r]);
        s[2 + REGIONS.length] += (lm[17] - truth[17]) / FacePoints.interOcular(truth);
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        sums.forEach((method, byCond) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            byCond.forEach((cond, s) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("faces", (int) s[0]);
                c.put("alignmentError", s[1] / s[0]);
                if (!Double.isNaN(s[2])) {
                    for (int r = 0; r < REGIONS.length; r++) c.put("nme" + REGIONS[r].name(), s[2 + r] / s[0]);
                    c.put("chinDown", s[2 + REGIONS.length] / s[0]);
                }
                m.put(cond, c);
            });
            out.put(method, m);
        });
        return out;
    }

    void print(PrintStream console) {
        console.println("alignment error (five canonical points, / inter-ocular distance; ground truth: 68 points of the "
                + "unmasked photo):");
        List<String> conds = new ArrayList<>(sums.values().iterator().next().keySet());
        console.println("| method |" + String.join(" |", conds) + " |");
        console.println("|---|" + "---|".repeat(conds.size()));
        sums.forEach((method, byCond) -> {
            StringBuilder row = new StringBuilder("| " + method + " |");
            for (String c : conds) {
                double[] s = byCond.get(c);
                row.append(s == null ? " - |" : String.format(" %.3f |", s[1] / s[0]));
            }
            console.println(row);
        });
        console.println("68-point landmark error by region (/ inter-ocular distance), and chin (point 8) vertical offset:");
        sums.forEach((method, byCond) -> byCond.forEach((cond, s) -> {
            if (Double.isNaN(s[2])) return;
            StringBuilder row = new StringBuilder(String.format("  %-24s %-13s n=%4d", method, cond, (int) s[0]));
            for (int r = 0; r < REGIONS.length; r++)
                row.append(String.format("  %s %.3f", REGIONS[r].name().toLowerCase(), s[2 + r] / s[0]));
            row.append(String.format("  chin-down %+.3f", s[2 + REGIONS.length] / s[0]));
            console.println(row);
        }));
    }
}
