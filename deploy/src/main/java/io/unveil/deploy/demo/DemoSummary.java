package io.unveil.deploy.demo;

import io.unveil.research.eval.live.Decision;
import io.unveil.research.eval.live.SegmentResult;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The demo's closing lines: what each shot showed and what the pipeline said, then who was named and who was not. */
public final class DemoSummary {
    private DemoSummary() {
    }

    public static void print(DemoRun.Result r, PrintStream log) {
        log.println("demo: what the camera showed, and what Unveil said:");
        for (SegmentResult s : r.results()) {
            var seg = s.segment();
            log.printf(Locale.ROOT, "  %-11s %-7s %s%n", seg.identity(), seg.occluded() ? "masked" : "plain", said(s));
        }
        log.println("demo: " + totals(r.results()));
    }

    static String said(SegmentResult s) {
        String how = Double.isNaN(s.similarity()) ? "" : String.format(Locale.ROOT, " (similarity %.2f%s)", s.similarity(),
                s.inpainted() ? ", face repaired" : "");
        return switch (s.decision()) {
            case CORRECT -> "named " + s.namedName() + how;
            case WRONG -> "WRONG: named " + s.namedName() + how;
            case UNKNOWN -> "unknown" + how + (s.segment().enrolled() ? ": not recognized" : ": right, not enrolled");
            case NO_EVENT -> "no decision (" + s.faces() + " faces seen)";
        };
    }

    /** e.g. "named 4 of 4 enrolled people (3 of 4 masked too); 2 of 2 strangers called unknown; 0 wrong names". */
    static String totals(List<SegmentResult> results) {
        Set<String> enrolled = new LinkedHashSet<>(), named = new LinkedHashSet<>(), namedMasked = new LinkedHashSet<>(), masked = new LinkedHashSet<>();
        Set<String> strangers = new LinkedHashSet<>(), unknown = new LinkedHashSet<>();
        int wrong = 0;
        for (SegmentResult s : results) {
            var seg = s.segment();
            if (s.decision() == Decision.WRONG) wrong++;
            if (seg.enrolled()) {
                enrolled.add(seg.identity());
                if (seg.occluded()) masked.add(seg.identity());
                if (s.decision() == Decision.CORRECT) (seg.occluded() ? namedMasked : named).add(seg.identity());
            } else {
                strangers.add(seg.identity());
                if (s.decision() == Decision.UNKNOWN) unknown.add(seg.identity());
            }
        }
        Set<String> anyNamed = new LinkedHashSet<>(named);
        anyNamed.addAll(namedMasked);
        return String.format(Locale.ROOT, "named %d of %d enrolled people %s, %d of %d of them masked %s; %d of %d strangers called unknown; %d wrong names",
                anyNamed.size(), enrolled.size(), anyNamed, namedMasked.size(), masked.size(), namedMasked, unknown.size(), strangers.size(), wrong);
    }
}
