package io.unveil.research.cli;

import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.research.bench.InpaintBenchmark;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil bench inpaint}: ID-GAN generator throughput at batch 1/8/32. */
@Command(name = "inpaint", mixinStandardHelpOptions = true, description = "Measure ID-GAN inpainting faces/s per batch size.")
public final class BenchInpaintCommand implements Callable<Integer> {
    @Option(names = "--generator", description = "weights (default: the generator the inpaint stage serves, prior-idgan)") Path generator;
    @Option(names = "--batches", defaultValue = "1,8,32", split = ",") int[] batches;
    @Option(names = "--seconds", defaultValue = "10", description = "timed seconds per batch size") double seconds;
    @Option(names = "--device", defaultValue = "cpu") String device;
    @Option(names = "--threads", defaultValue = "0") int threads;

    @Override
    public Integer call() {
        if (threads > 0) System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        try (Inpainter in = generator == null ? Inpainter.loadServed(device, false) : Inpainter.load(generator, device)) {
            System.out.println("ID-GAN generator " + in.model() + " on " + in.device() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            InpaintBenchmark.run(in, batches, seconds, System.out);
        }
        return 0;
    }

}
