package io.unveil.detector.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.serde.Json;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.ChipAligner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The logic of {@code unveil analyze IMAGE... [--json]}: for each image every face found, with box, score, 68
 * landmarks and (given an embedder) the 128-D descriptor of its dlib-aligned 150x150 chip. JSON mode prints one object
 * per image and line: {@code {"image","width","height","faces":[{"box":{x,y,width,height},"score","landmarks":[136],
 * "descriptor":[128]}]}}, or {@code {"image","error"}} for an unreadable file.
 */
public final class Analyze {
    /** Turns aligned 150x150 chips into descriptors (e.g. {@code FaceApiEmbedder::embed}). */
    @FunctionalInterface
    public interface ChipEmbedder {
        float[][] embed(List<RgbImage> chips150);
    }

    /** The analyzer for one photo (e.g. one per detector input size, chosen from the photo's size). */
    @FunctionalInterface
    public interface AnalyzerFor {
        FaceAnalyzer forImage(RgbImage image);
    }

    /**
     * @param draw where {@code --draw} writes the photo with boxes, landmarks and labels (PNG), or null
     */
    public record Options(List<Path> images, boolean json, Path draw, Namer namer) {
        public Options(List<Path> images, boolean json) {
            this(images, json, null, null);
        }

        public Options(List<Path> images, boolean json, Path draw) {
            this(images, json, draw, null);
        }
    }

    /** Who is on a photo, by someone else (the gallery service's POST /recognize): each face's box and name. */
    @FunctionalInterface
    public interface Namer {
        List<Named> names(Path image);
    }

    /** One face named by a {@link Namer}: {@code name} null when unknown; {@code closest} the nearest identity's name. */
    public record Named(Box box, String name, String closest, float similarity) {
        /** On the picture: the name and similarity, or "unknown" (the text output says who was closest). */
        String shortLabel() {
            return name != null ? String.format(java.util.Locale.ROOT, "%s %.2f", name, similarity) : "unknown";
        }

        String label() {
            return name != null ? String.format(java.util.Locale.ROOT, "%s %.2f", name, similarity)
                    : closest == null ? "unknown" : String.format(java.util.Locale.ROOT, "unknown (closest %s %.2f)", closest, similarity);
        }
    }

    /** Minimum overlap (IoU) for a named face to be the same as a detected one. */
    static final float SAME_FACE_IOU = 0.3f;

    public record FaceReport(DetectedFace face, float[] descriptor) {
    }

    public record ImageReport(Path image, int width, int height, List<FaceReport> faces, String error) {
    }

    private Analyze() {
    }

    /** Analyses one file; a file that cannot be read gives a report with {@code error} set, never an exception. */
    public static ImageReport analyze(Path file, FaceAnalyzer analyzer, ChipEmbedder embedder) {
        RgbImage img;
        try {
            img = Images.read(file);
        } catch (ImageDecodeException e) {
            return new ImageReport(file, 0, 0, List.of(), e.getMessage());
        }
        return analyze(file, img, analyzer, embedder);
    }

    static ImageReport analyze(Path file, RgbImage img, FaceAnalyzer analyzer, ChipEmbedder embedder) {
        List<DetectedFace> faces = analyzer.detect(img);
        float[][] descriptors = null;
        if (embedder != null && !faces.isEmpty()) {
            List<RgbImage> chips = new ArrayList<>();
            for (DetectedFace f : faces) chips.add(ChipAligner.DLIB.chip150(img, f.landmarks()));
            descriptors = embedder.embed(chips);
        }
        List<FaceReport> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) out.add(new FaceReport(faces.get(i), descriptors == null ? null : descriptors[i]));
        return new ImageReport(file, img.width(), img.height(), out, null);
    }

    /** Prints a report per image; returns 0 when every image was readable, 1 otherwise. */
    public static int run(Options o, FaceAnalyzer analyzer, ChipEmbedder embedder, PrintStream out) {
        return run(o, img -> analyzer, embedder, out);
    }

    /** As above, the analyzer chosen per photo; with {@code o.draw()} (one image) also writes the drawn photo. */
    public static int run(Options o, AnalyzerFor analyzers, ChipEmbedder embedder, PrintStream out) {
        if (o.draw() != null && o.images().size() != 1)
            throw new IllegalArgumentException("--draw writes one picture: give one IMAGE (got " + o.images().size() + ")");
        int rc = 0;
        for (Path p : o.images()) {
            RgbImage img;
            ImageReport r;
            try {
                img = Images.read(p);
                r = analyze(p, img, analyzers.forImage(img), embedder);
            } catch (ImageDecodeException e) {
                img = null;
                r = new ImageReport(p, 0, 0, List.of(), e.getMessage());
            }
            if (r.error() != null) rc = 1;
            out.println(o.json() ? toJson(r) : toText(r));
            List<Named> names = o.namer() == null || r.error() != null ? null : names(r, o.namer().names(p));
            if (names != null && !o.json())
                for (int i = 0; i < names.size(); i++) out.println("  face #" + (i + 1) + ": " + (names.get(i) == null ? "not found by the service" : names.get(i).label()));
            if (img != null && o.draw() != null) {
                writeDrawing(o.draw(), img, r, names);
                if (!o.json()) out.println("drew " + r.faces().size() + " face(s) into " + o.draw());
            }
            out.flush();
        }
        return rc;
    }

    /** Per detected face the named face that overlaps it most (IoU at least {@link #SAME_FACE_IOU}), or null. */
    static List<Named> names(ImageReport r, List<Named> named) {
        List<Named> out = new ArrayList<>();
        for (FaceReport f : r.faces()) {
            Named best = null;
            float bestIou = SAME_FACE_IOU;
            for (Named n : named) {
                float iou = f.face().box().iou(n.box());
                if (iou >= bestIou) {
                    bestIou = iou;
                    best = n;
                }
            }
            out.add(best);
        }
        return out;
    }

    private static void writeDrawing(Path to, RgbImage img, ImageReport r, List<Named> names) {
        List<FaceDrawing.Mark> marks = new ArrayList<>();
        for (int i = 0; i < r.faces().size(); i++) {
            DetectedFace f = r.faces().get(i).face();
            String label = String.format(java.util.Locale.ROOT, "#%d %.2f", i + 1, f.score())
                    + (names == null || names.get(i) == null ? "" : " " + names.get(i).shortLabel());
            marks.add(new FaceDrawing.Mark(f.box(), f.landmarks(), label));
        }
        try {
            java.nio.file.Files.write(to, Images.encodePng(FaceDrawing.draw(img, marks)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + to, e);
        }
    }

    public static String toJson(ImageReport r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("image", r.image().toString());
        if (r.error() != null) {
            n.put("error", r.error());
        } else {
            n.put("width", r.width());
            n.put("height", r.height());
            ArrayNode faces = n.putArray("faces");
            for (FaceReport f : r.faces()) {
                ObjectNode fn = faces.addObject();
                ObjectNode box = fn.putObject("box");
                box.put("x", f.face().box().x());
                box.put("y", f.face().box().y());
                box.put("width", f.face().box().width());
                box.put("height", f.face().box().height());
                fn.put("score", f.face().score());
                ArrayNode lm = fn.putArray("landmarks");
                for (float v : f.face().landmarks()) lm.add(v);
                if (f.descriptor() != null) {
                    ArrayNode d = fn.putArray("descriptor");
                    for (float v : f.descriptor()) d.add(v);
                }
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toText(ImageReport r) {
        StringBuilder sb = new StringBuilder();
        if (r.error() != null) return sb.append(r.image()).append(": ERROR ").append(r.error()).toString();
        sb.append(String.format("%s: %dx%d, %d face(s)", r.image(), r.width(), r.height(), r.faces().size()));
        int i = 1;
        for (FaceReport f : r.faces()) {
            var b = f.face().box();
            float[] lm = f.face().landmarks();
            sb.append(String.format("%n  #%d box x=%.1f y=%.1f w=%.1f h=%.1f score=%.3f", i++, b.x(), b.y(), b.width(), b.height(), f.face().score()));
            sb.append(String.format("%n     eyes (%.1f,%.1f) (%.1f,%.1f)  nose (%.1f,%.1f)  mouth (%.1f,%.1f)-(%.1f,%.1f)",
                    mean(lm, 36, 42, 0), mean(lm, 36, 42, 1), mean(lm, 42, 48, 0), mean(lm, 42, 48, 1),
                    lm[60], lm[61], lm[96], lm[97], lm[108], lm[109]));
            sb.append("\n     landmarks");
            for (int k = 0; k < 68; k++) sb.append(String.format(" %.1f,%.1f", lm[2 * k], lm[2 * k + 1]));
            if (f.descriptor() != null) {
                double norm = 0;
                for (float v : f.descriptor()) norm += v * v;
                sb.append(String.format("%n     descriptor %d-D |d|=%.3f [", f.descriptor().length, Math.sqrt(norm)));
                for (int k = 0; k < f.descriptor().length; k++) sb.append(k == 0 ? "" : ", ").append(String.format("%.4f", f.descriptor()[k]));
                sb.append(']');
            }
        }
        return sb.toString();
    }

    private static float mean(float[] lm, int from, int to, int axis) {
        float s = 0;
        for (int k = from; k < to; k++) s += lm[2 * k + axis];
        return s / (to - from);
    }
}
