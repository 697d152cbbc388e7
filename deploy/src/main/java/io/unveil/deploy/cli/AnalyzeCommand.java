package io.unveil.deploy.cli;

import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.analyze.Analyze;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.analyze.InputSize;
import io.unveil.detector.analyze.MergedAnalyzer;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.record.Box;
import io.unveil.gallery.client.GalleryClient;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unveil analyze IMAGE... [--json] [--draw OUT.png]}: every face with box, score, 68 landmarks and 128-D descriptor. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Print every face found in each image: box, score, 68 landmarks and the 128-D descriptor; "
                + "--draw writes the photo with boxes and landmarks; --names asks the running service who each face is.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files (JPEG, PNG, BMP...).")
    List<Path> images;

    @Option(names = "--json", description = "One JSON object per image and line.")
    boolean json;

    @Option(names = "--no-descriptor", description = "Skip the recognizer (detector and landmarks only).")
    boolean noDescriptor;

    @Option(names = "--draw", paramLabel = "OUT.png", description = "Write the image (one IMAGE) with each face's box, landmarks, number and score.")
    Path draw;

    @Option(names = "--names", description = "Also ask the running gallery service (--url, --api-key) who each face is (POST /api/v1/recognize):"
            + " names in the text output and on the --draw picture.")
    boolean names;

    @picocli.CommandLine.Mixin
    ServiceOptions service = new ServiceOptions();

    @Option(names = "--input-size", description = "TinyFaceDetector input size, a multiple of 32 (default: " + InputSize.DEFAULT
            + ", and for a photo whose long side exceeds " + InputSize.DEFAULT + "x" + InputSize.MAX_SHRINK + " also long/" + InputSize.MAX_SHRINK
            + " rounded up to 32, at most " + InputSize.MAX + ", the faces of both merged).")
    Integer inputSize;

    @Option(names = "--min-score", defaultValue = "0.5", description = "Detector score threshold (default: ${DEFAULT-VALUE}).")
    float minScore;

    /** The service's answer for one photo as named boxes. */
    private List<Analyze.Named> recognize(Path image) {
        GalleryClient client = service.client();
        JsonNode r;
        try {
            r = client.recognize(image);
        } catch (GalleryClient.ApiError e) {
            throw new IllegalStateException("--names: " + service.explain(e));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + image, e);
        }
        List<Analyze.Named> out = new ArrayList<>();
        for (JsonNode f : r.path("faces")) {
            JsonNode b = f.get("box");
            out.add(new Analyze.Named(new Box(b.get("x").floatValue(), b.get("y").floatValue(), b.get("width").floatValue(), b.get("height").floatValue()),
                    f.path("known").asBoolean() ? f.get("name").asText() : null, f.path("closest").path("name").asText(null), f.path("similarity").floatValue()));
        }
        return out;
    }

    @Override
    public Integer call() {
        if (inputSize != null && (inputSize % 32 != 0 || inputSize < 32))
            throw new IllegalArgumentException("--input-size must be a positive multiple of 32");
        if (draw != null && images.size() != 1) throw new IllegalArgumentException("--draw writes one picture: give one IMAGE");
        // one analyzer per input size in use (a batch of same-sized photos loads the detector once)
        Map<Integer, FaceApiAnalyzer> bySize = new TreeMap<>();
        try {
            Analyze.AnalyzerFor analyzers = img -> {
                List<FaceAnalyzer> parts = new ArrayList<>();
                for (int size : inputSize != null ? List.of(inputSize) : InputSize.forImage(img.width(), img.height()))
                    parts.add(bySize.computeIfAbsent(size, s -> FaceApiAnalyzer.load(s, minScore)));
                return new MergedAnalyzer(parts);
            };
            Analyze.Options o = new Analyze.Options(images, json, draw, names ? this::recognize : null);
            if (noDescriptor) return Analyze.run(o, analyzers, null, System.out);
            try (FaceApiEmbedder embedder = FaceApiEmbedder.load()) {
                return Analyze.run(o, analyzers, embedder::embed, System.out);
            }
        } finally {
            bySize.values().forEach(FaceApiAnalyzer::close);
        }
    }
}
