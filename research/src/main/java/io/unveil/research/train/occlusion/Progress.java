package io.unveil.research.train.occlusion;

import java.io.PrintStream;

/** A one-line text progress bar (rewritten in place at most every half second). */
public final class Progress {
    private final PrintStream out;
    private final long total;
    private final long startNs = System.nanoTime();
    private final long startDone;
    private long lastNs;

    public Progress(PrintStream out, long total, long startDone) {
        this.out = out;
        this.total = total;
        this.startDone = startDone;
    }

    public void update(long done, String info) {
        long now = System.nanoTime();
        if (done < total && now - lastNs < 500_000_000L) return;
        lastNs = now;
        double frac = Math.min(1, done / (double) total);
        int width = 30, fill = (int) Math.round(frac * width);
        double perStep = done > startDone ? (now - startNs) / 1e9 / (done - startDone) : 0;
        long eta = Math.round(perStep * (total - done));
        out.printf("\r[%s%s] %d/%d %5.1f%% %.2f s/step eta %dm%02ds %s", "#".repeat(fill), ".".repeat(width - fill), done,
                total, frac * 100, perStep, eta / 60, eta % 60, info);
        if (done >= total) out.println();
        out.flush();
    }

    public void newline() {
        out.println();
    }
}
