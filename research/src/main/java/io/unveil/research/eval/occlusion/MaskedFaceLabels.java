package io.unveil.research.eval.occlusion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What each detection of the real masked-face set shows, labelled by hand on the aligned 128x128 crop the estimator
 * sees (never with a prediction drawn on it): a face wearing a mask over mouth and chin, a face without one (or with
 * the mask pulled below the mouth), or no readable face (an ear, a blur, a print). The set's photos are "people
 * wearing masks", but its largest detection is not always one: the masked-face share is measured over the faces
 * labelled masked. The file ({@code file,label}, file names relative to the set's image folder) is the committed
 * resource unless another is given.
 */
public final class MaskedFaceLabels {
    public static final String RESOURCE = "/io/unveil/research/eval/occlusion/masked-faces-labels.csv";

    public enum Label {
        MASKED, UNMASKED, NOT_A_FACE;

        public static Label parse(String s, int line) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "masked" -> MASKED;
                case "unmasked" -> UNMASKED;
                case "not-a-face" -> NOT_A_FACE;
                default -> throw new IllegalArgumentException("line " + line + ": label must be masked, unmasked or "
                        + "not-a-face, not '" + s + "'");
            };
        }
    }

    private final Map<String, Label> labels;

    private MaskedFaceLabels(Map<String, Label> labels) {
        this.labels = labels;
    }

    public static MaskedFaceLabels bundled() {
        try (InputStream in = MaskedFaceLabels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("bundled labels missing: " + RESOURCE);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MaskedFaceLabels load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read masked-face labels " + file, e);
        }
    }

    static MaskedFaceLabels read(InputStream in) throws IOException {
        Map<String, Label> out = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || (n == 1 && line.startsWith("file,"))) continue;
            String[] f = line.split(",");
            if (f.length != 2 || f[0].isBlank())
                throw new IllegalArgumentException("line " + n + ": expected 'file,label', got '" + line + "'");
            if (out.put(f[0].trim(), Label.parse(f[1], n)) != null)
                throw new IllegalArgumentException("line " + n + ": " + f[0].trim() + " labelled twice");
        }
        return new MaskedFaceLabels(Map.copyOf(out));
    }

    /** The label of a photo (its file name), or null when it was not labelled. */
    public Label of(String file) {
        return labels.get(file);
    }

    public int size() {
        return labels.size();
    }

    /**
     * A fixed split of the photos in two halves (0 = tuning, 1 = held out): post-processing choices are made on half 0
     * and reported on half 1, so that a number chosen by looking at this set is not the only one reported.
     */
    public static int half(String file) {
        return Math.floorMod(file.hashCode(), 2);
    }
}
