package io.unveil.research.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** Median wall ms and mean process-CPU ms per call after warm-up (CPU time stays comparable on a loaded host). */
public final class Timer {
    public record Timing(double wallMs, double cpuMs) {
        public Timing per(double k) {
            return new Timing(wallMs / k, cpuMs / k);
        }
    }

    private Timer() {
    }

    public static Timing time(Runnable r, int warmup, int iterations) {
        for (int i = 0; i < warmup; i++) r.run();
        double[] ms = new double[iterations];
        long cpu0 = cpuNanos();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double cpu = (cpuNanos() - cpu0) / 1e6 / iterations;
        Arrays.sort(ms);
        return new Timing(ms[ms.length / 2], cpu);
    }

    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
