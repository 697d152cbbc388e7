package io.unveil.deploy.cli;

import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.analyze.Analyze;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unveil analyze IMAGE... [--json]}: every face with box, score, 68 landmarks and 128-D descriptor. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Print every face found in each image: box, score, 68 landmarks and the 128-D descriptor.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files (JPEG, PNG, BMP...).")
    List<Path> images;

    @Option(names = "--json", description = "One JSON object per image and line.")
    boolean json;

    @Option(names = "--no-descriptor", description = "Skip the recognizer (detector and landmarks only).")
    boolean noDescriptor;

    @Option(names = "--input-size", defaultValue = "416", description = "TinyFaceDetector input size, a multiple of 32 (default: ${DEFAULT-VALUE}).")
    int inputSize;

    @Option(names = "--min-score", defaultValue = "0.5", description = "Detector score threshold (default: ${DEFAULT-VALUE}).")
    float minScore;

    @Override
    public Integer call() {
        if (inputSize % 32 != 0 || inputSize < 32) throw new IllegalArgumentException("--input-size must be a positive multiple of 32");
        try (FaceApiAnalyzer analyzer = FaceApiAnalyzer.load(inputSize, minScore)) {
            if (noDescriptor) return Analyze.run(new Analyze.Options(images, json), analyzer, null, System.out);
            try (FaceApiEmbedder embedder = FaceApiEmbedder.load()) {
                return Analyze.run(new Analyze.Options(images, json), analyzer, embedder::embed, System.out);
            }
        }
    }
}
