package io.unveil.research.cli;

import io.unveil.research.train.idgan.TrainingFaces;
import io.unveil.research.train.parsing.ParsingNet;
import io.unveil.research.train.parsing.ParsingTrainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil train parsing}: trains the face-parsing net S on landmark-derived labels (logic in ParsingTrainer). */
@Command(name = "parsing", mixinStandardHelpOptions = true,
        description = "Train the face-parsing net S (ID-GAN's structure player) on labels drawn from aligned landmarks.")
public final class TrainParsingCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "celeba-subset") String dataset;
    @Option(names = "--out", defaultValue = "runs/parsing") Path out;
    @Option(names = "--steps", defaultValue = "400") int steps;
    @Option(names = "--batch", defaultValue = "8") int batch;
    @Option(names = "--lr", defaultValue = "1e-3") float lr;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--device", defaultValue = "cpu") String device;
    @Option(names = "--max-minutes", defaultValue = "0") double maxMinutes;
    @Option(names = "--build-cache", description = "detect + align the data set into the aligned cache if missing")
    boolean buildCache;

    @Override
    public Integer call() throws Exception {
        ParsingTrainer.Options o = new ParsingTrainer.Options(dataset, out, steps, batch, ParsingNet.WIDTH, lr, seed, device,
                maxMinutes);
        ParsingTrainer.Result r = new ParsingTrainer(o, System.err).run(TrainingFaces.load(dataset, buildCache, false));
        System.out.printf("parsing net: %s  steps %d  %.0f s  validation pixel accuracy %.3f  mean IoU %.3f%n",
                r.weights(), r.steps(), r.seconds(), r.pixelAccuracy(), r.meanIou());
        return 0;
    }

}
