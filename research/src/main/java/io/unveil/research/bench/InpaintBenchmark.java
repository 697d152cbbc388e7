package io.unveil.research.bench;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.research.train.idgan.Masks;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generator throughput (faces/s) at given batch sizes: synthetic 128x128 faces with a random 48x48 block, one
 * warm-up call per batch size, then timed calls until {@code seconds} have passed. Reports wall-clock faces/s and the
 * process CPU time per face, plus the system load average (the machine may be shared).
 */
public final class InpaintBenchmark {
    public record Result(int batch, int faces, double seconds, double facesPerSecond, double cpuMsPerFace) {
    }

    private InpaintBenchmark() {
    }

    public static List<Result> run(Inpainter inpainter, int[] batches, double seconds, PrintStream out) {
        Random rnd = new Random(1);
        List<Result> results = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int b : batches) {
            List<RgbImage> faces = new ArrayList<>();
            List<float[]> masks = new ArrayList<>();
            for (int i = 0; i < b; i++) {
                byte[] d = new byte[128 * 128 * 3];
                rnd.nextBytes(d);
                faces.add(new RgbImage(128, 128, d));
                masks.add(Masks.randomBlock(rnd, 128, Masks.BLOCK));
            }
            inpainter.repair(faces, masks);
            int done = 0;
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            while ((System.nanoTime() - t0) / 1e9 < seconds || done < 3 * b) {
                inpainter.repair(faces, masks);
                done += b;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / done;
            Result r = new Result(b, done, secs, done / secs, cpuMs);
            results.add(r);
            out.println(String.format(Locale.ROOT, "batch %3d: %6d faces in %6.1f s = %7.1f faces/s  (%.1f ms CPU/face, load avg %.1f)",
                    b, done, secs, r.facesPerSecond(), cpuMs, os.getSystemLoadAverage()));
        }
        return results;
    }
}
