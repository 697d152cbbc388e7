package io.unveil.research.eval.idgan;

import io.unveil.research.eval.RecoveredShare;
import java.util.List;
import java.util.Locale;

/**
 * {@link IdGanEvaluator} reports of the same faces under several protocol seeds (block positions and pairs redrawn),
 * summarised per method: one seed's share of the drop recovered moves by +-10 points on ~700 faces, so a single
 * number can flatter or wrong a generator. Rows are matched by position (every report evaluates the same methods).
 */
public final class SeedSummary {
    private SeedSummary() {
    }

    public static String markdown(List<Long> seeds, List<IdGanEvaluator.Report> reports) {
        if (reports.isEmpty() || reports.size() != seeds.size())
            throw new IllegalArgumentException(seeds.size() + " seeds but " + reports.size() + " reports");
        int methods = reports.get(0).rows().size();
        for (IdGanEvaluator.Report r : reports)
            if (r.rows().size() != methods) throw new IllegalArgumentException("reports evaluate different methods");
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Over %d protocol seeds (%s): mean verification accuracy, and the share of the occlusion drop"
                + " recovered per seed, its mean and standard deviation%n%n", seeds.size(), seeds));
        b.append("| method | mean accuracy | share recovered per seed | mean share | sd |\n|---|---|---|---|---|\n");
        for (int m = 0; m < methods; m++) {
            double acc = 0;
            double[] shares = new double[reports.size()];
            StringBuilder per = new StringBuilder();
            for (int s = 0; s < reports.size(); s++) {
                List<IdGanEvaluator.Row> rows = reports.get(s).rows();
                acc += rows.get(m).accuracy();
                shares[s] = RecoveredShare.of(rows.get(m).accuracy(), rows.get(1).accuracy(), rows.get(0).accuracy());
                if (s > 0) per.append(" / ");
                per.append(String.format(Locale.ROOT, "%.1f%%", 100 * shares[s]));
            }
            String method = reports.get(0).rows().get(m).method();
            if (m < 2) {
                b.append(String.format(Locale.ROOT, "| %s | %.4f | | | |%n", method, acc / reports.size()));
            } else {
                double mean = mean(shares);
                b.append(String.format(Locale.ROOT, "| %s | %.4f | %s | %.1f%% | %.1f |%n", method, acc / reports.size(), per,
                        100 * mean, 100 * sd(shares, mean)));
            }
        }
        return b.toString();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static double sd(double[] v, double mean) {
        if (v.length < 2) return Double.NaN;
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return Math.sqrt(s / (v.length - 1));
    }
}
