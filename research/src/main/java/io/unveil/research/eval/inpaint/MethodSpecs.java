package io.unveil.research.eval.inpaint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the methods to compare: built-ins {@code gt}, {@code occ}, {@code white} (the hole filled white), {@code telea},
 * {@code ns}, {@code idgan} (the committed generator, {@code inpaint/.../idgan/generator.bin}), {@code prior-idgan}
 * (the generator served by default, {@code generator-prior.bin}: generator.bin trained on with the PCA prior's
 * completion as a further input), {@code pca-prior} (the
 * committed PCA face prior alone), or {@code NAME=MODEL} for a trained generator file
 * (its model card beside it). GT and OCC always come first (they anchor the recovered
 * share).
 */
public final class MethodSpecs {
    private MethodSpecs() {
    }

    /** Name of the built-in method {@code idgan}: the committed generator. */
    public static final String ID_GAN = "ID-GAN";
    /** Name of the built-in method {@code prior-idgan}: the committed prior-input generator, served by default. */
    public static final String PRIOR_ID_GAN = "ID-GAN-prior";
    /** Name of the built-in method {@code pca-prior}: the committed PCA face prior alone. */
    public static final String PCA_PRIOR = "PCA-prior";
    /** Name of the built-in method {@code white}: the hole filled white (what a generator gets as input). */
    public static final String WHITE = "OCC-white";

    public record Spec(String name, Path model) {
        /** The committed generator (its card ships on the class path). */
        public boolean shippedGenerator() {
            return model == null && (name.equals(ID_GAN) || name.equals(PRIOR_ID_GAN));
        }

        /** The committed face prior (alone, or as the input of a prior generator file). */
        public boolean usesPrior() {
            if (model == null) return name.equals(PCA_PRIOR) || name.equals(PRIOR_ID_GAN);
            try {
                return io.unveil.inpaint.idgan.Generator.header(java.nio.file.Files.readAllBytes(model)).prior();
            } catch (java.io.IOException e) {
                return false; // not a generator file: opening it reports why
            }
        }
    }

    public static List<Spec> parse(List<String> specs) {
        List<Spec> out = new ArrayList<>();
        out.add(new Spec("GT", null));
        out.add(new Spec("OCC", null));
        for (String raw : specs) {
            for (String s : raw.split(",")) {
                s = s.trim();
                if (s.isEmpty()) continue;
                int eq = s.indexOf('=');
                if (eq > 0) {
                    Path p = Path.of(s.substring(eq + 1).trim());
                    if (!Files.exists(p)) throw new IllegalArgumentException("model file not found for " + s.substring(0, eq) + ": " + p);
                    out.add(new Spec(s.substring(0, eq).trim(), p));
                    continue;
                }
                String k = s.toLowerCase(Locale.ROOT);
                switch (k) {
                    case "gt", "occ" -> {
                    }
                    case "telea" -> out.add(new Spec("Telea", null));
                    case "ns", "navier-stokes" -> out.add(new Spec("NS", null));
                    case "idgan", "id-gan" -> out.add(new Spec(ID_GAN, null));
                    case "prior-idgan", "id-gan-prior" -> out.add(new Spec(PRIOR_ID_GAN, null));
                    case "pca-prior", "prior" -> out.add(new Spec(PCA_PRIOR, null));
                    case "white", "occ-white" -> out.add(new Spec(WHITE, null));
                    default -> throw new IllegalArgumentException("unknown method '" + s + "': use gt, occ, white, telea, ns, idgan, "
                            + "prior-idgan, pca-prior or NAME=MODEL_FILE");
                }
            }
        }
        return out;
    }

    /** Opens a built-in method; model-file methods go through {@link ModelMethods}. */
    public static RepairMethod open(Spec s) {
        if (s.model() != null) return ModelMethods.open(s.name(), s.model());
        return switch (s.name()) {
            case "GT" -> BaselineMethods.groundTruth();
            case "OCC" -> BaselineMethods.occluded();
            case "Telea" -> new OpenCvInpaint(OpenCvInpaint.Algorithm.TELEA, 3);
            case "NS" -> new OpenCvInpaint(OpenCvInpaint.Algorithm.NS, 3);
            case ID_GAN -> ModelMethods.shipped(ID_GAN);
            case PRIOR_ID_GAN -> ModelMethods.served(PRIOR_ID_GAN);
            case PCA_PRIOR -> ModelMethods.prior(PCA_PRIOR);
            case WHITE -> BaselineMethods.white();
            default -> throw new IllegalArgumentException("no built-in method " + s.name());
        };
    }
}
