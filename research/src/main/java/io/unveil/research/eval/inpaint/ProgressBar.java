package io.unveil.research.eval.inpaint;

import java.io.PrintStream;

/** A one-line text progress bar on stderr with rate and ETA; silent when disabled. Not thread-safe. */
public final class ProgressBar {
    private final PrintStream out;
    private String label = "";
    private long total;
    private long done;
    private long startNs;
    private long lastPrintNs;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    public static ProgressBar silent() {
        return new ProgressBar(null);
    }

    public void start(String label, long total) {
        finish();
        this.label = label;
        this.total = Math.max(total, 1);
        this.done = 0;
        this.startNs = System.nanoTime();
        this.lastPrintNs = 0;
        print(true);
    }

    public void step() {
        step(1);
    }

    public void step(long n) {
        done += n;
        print(done >= total);
    }

    public void finish() {
        if (out != null && total > 0 && lastPrintNs != 0) out.println();
        total = 0;
        lastPrintNs = 0;
    }

    private void print(boolean force) {
        if (out == null) return;
        long now = System.nanoTime();
        if (!force && now - lastPrintNs < 200_000_000L) return;
        lastPrintNs = now;
        double frac = Math.min(1, (double) done / total);
        int width = 30, fill = (int) Math.round(frac * width);
        double secs = (now - startNs) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        String eta = rate > 0 && done < total ? String.format(" eta %.0fs", (total - done) / rate) : "";
        out.print(String.format("\r%-22s [%s%s] %3.0f%% %d/%d %.1f/s%s   ", label, "#".repeat(fill), " ".repeat(width - fill),
                frac * 100, done, total, rate, eta));
        out.flush();
    }
}
