package io.unveil.deploy.cli;

import io.unveil.detector.analyze.Analyze;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.ScoreGatedAnalyzer;
import io.unveil.detector.analyze.InputSize;
import io.unveil.detector.analyze.MergedAnalyzer;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.record.Box;
import io.unveil.gallery.client.GalleryClient;
import io.unveil.core.config.Settings;
import io.unveil.deploy.runtime.Models;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.DetectorSettings;
import io.unveil.recognize.Embedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code unveil analyze IMAGE... [--json] [--draw OUT.png]}: every face with box, score, 68 landmarks and 128-D
 * descriptor, found and described by the networks {@code unveil run} would use with the same settings
 * ({@code detector.model}, {@code detector.landmarks}, {@code recognize.model}: deploy's {@link Models}), so what it
 * prints is what the pipeline sees. Until 2026-12-06 it always ran TinyFaceDetector, face-api's landmarks and face-api's
 * recognizer, whatever the pipeline ran: on a masked face it could report no face where the pipeline found one.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Print every face found in each image: box, score, 68 landmarks and the 128-D descriptor, with the "
                + "detector, landmarks and recognizer `unveil run` uses (detector.model, detector.landmarks, recognize.model; "
                + "--set/--config change them as for run); --draw writes the photo with boxes and landmarks; --names asks "
                + "the running service who each face is.")
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

    @Option(names = "--input-size", description = "TinyFaceDetector input size, a multiple of 32; implies detector.model=tiny "
            + "(with detector.model=tiny and no --input-size: " + InputSize.DEFAULT + ", and for a photo whose long side exceeds "
            + InputSize.DEFAULT + "x" + InputSize.MAX_SHRINK + " also long/" + InputSize.MAX_SHRINK + " rounded up to 32, at most "
            + InputSize.MAX + ", the faces of both merged).")
    Integer inputSize;

    @Option(names = "--min-score", description = "Detector score threshold (default: detector.min-score, 0.5).")
    Float minScore;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file of settings, as for `unveil run`.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable), as for `unveil run`: "
            + "e.g. detector.model=tiny, detector.landmarks=faceapi, recognize.model=faceapi.")
    List<String> sets = new ArrayList<>();

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
        Settings settings = RunCommand.settings(config, List.of(), sets);
        if (inputSize != null) settings = settings.with(DetectorSettings.MODEL, "tiny");
        float score = minScore != null ? minScore : (float) DetectorConfig.from(settings).minScore();
        settings = settings.with(DetectorSettings.MIN_SCORE, String.valueOf(score));
        Analyze.Options o = new Analyze.Options(images, json, draw, names ? this::recognize : null);
        List<FaceAnalyzer> loaded = new ArrayList<>();
        try {
            Analyze.AnalyzerFor analyzers = analyzers(settings, score, loaded);
            if (noDescriptor) return Analyze.run(o, analyzers, null, System.out);
            try (Embedder embedder = Models.RECOGNIZERS.load(settings)) {
                return Analyze.run(o, analyzers, embedder::embed, System.out);
            }
        } finally {
            loaded.forEach(FaceAnalyzer::close);
        }
    }

    /**
     * The detector of {@code detector.model}, faces under the score threshold dropped as the detect stage drops them.
     * TinyFaceDetector keeps analyze's own sizing: one analyzer per input size in use, a large photo seen at two sizes
     * and the faces merged (a batch of same-sized photos loads each size once).
     */
    private Analyze.AnalyzerFor analyzers(Settings settings, float score, List<FaceAnalyzer> loaded) {
        if (!"tiny".equals(settings.get(DetectorSettings.MODEL))) {
            FaceAnalyzer one = Models.DETECTORS.load(settings);
            loaded.add(one);
            FaceAnalyzer gated = new ScoreGatedAnalyzer(one, score); // not closed: `loaded` closes the detector, once
            return img -> gated;
        }
        Map<Integer, FaceAnalyzer> bySize = new TreeMap<>();
        Settings base = settings;
        return img -> {
            List<FaceAnalyzer> parts = new ArrayList<>();
            for (int size : inputSize != null ? List.of(inputSize) : InputSize.forImage(img.width(), img.height()))
                parts.add(bySize.computeIfAbsent(size, sz -> {
                    FaceAnalyzer a = Models.DETECTORS.load(base.with(DetectorSettings.INPUT_SIZE, String.valueOf(sz)));
                    loaded.add(a);
                    return a;
                }));
            return new MergedAnalyzer(parts);
        };
    }
}
