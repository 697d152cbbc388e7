package io.unveil.research.eval.inpaint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model card says about the identities a model was trained on, read from its markdown. Recognised lines
 * (case-insensitive, optional list bullet / bold / table pipes):
 * <pre>
 * training-data: celeba-subset                  (also "training set", "training dataset", "data set")
 * training-identities: IdentitySplit TRAIN       (the project's split rule: only TRAIN identities of the set)
 * training-identities: id1, id2, id3             (an explicit list)
 * training-identities-file: identities.txt       (one identity a line, relative to the card)
 * </pre>
 * A card that mentions {@code IdentitySplit} together with {@code TRAIN} and names a data set is read as the split
 * rule even without the exact keys. A card from which neither rule nor list can be read yields
 * {@link #readable()} false, and the evaluation refuses to run with it.
 */
public record ModelCard(Path file, Set<String> datasets, boolean splitTrainRule, Set<String> identities) {
    private static final Pattern KEY = Pattern.compile(
            "^[\\s>*|\\-]*\\**\\s*(training[ _-]?(?:data ?set|data|set)|data ?set|training[ _-]?identities(?:[ _-]?file)?)\\s*\\**\\s*[:|]\\s*(.+?)\\s*\\|?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final String[] KNOWN_SETS = {"celeba-subset", "orl", "yale", "dlib-johns", "bbt", "masked-faces", "lfw"};

    public boolean readable() {
        return splitTrainRule || !identities.isEmpty();
    }

    public static ModelCard read(Path file) {
        try {
            return parse(Files.readString(file), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model card " + file, e);
        }
    }

    /** A card shipped as a class-path resource (the committed generator's); {@code file} is its resource name. */
    public static ModelCard resource(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no model card at " + resource);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of(resource.replaceFirst("^/", "")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model card " + resource, e);
        }
    }

    /** @param file where the text came from (identity-list files are resolved beside it) */
    static ModelCard parse(String text, Path file) {
        Set<String> datasets = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        boolean rule = false;
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            String key = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[ _-]", "");
            String value = m.group(2).replace("`", "").replace("*", "").trim();
            if (key.startsWith("trainingidentitiesfile")) {
                ids.addAll(readList(file.resolveSibling(value)));
            } else if (key.startsWith("trainingidentities")) {
                if (value.toLowerCase(Locale.ROOT).contains("identitysplit")) rule = true;
                else for (String s : value.split("[,;]")) if (!s.isBlank()) ids.add(s.trim());
            } else {
                for (String s : value.split("[,;]")) {
                    String v = s.trim().replaceAll("^.*/data/", "").replaceAll("[/)].*$", "").trim();
                    if (!v.isBlank()) datasets.add(v.split("\\s+")[0]);
                }
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!rule && lower.contains("identitysplit") && text.contains("TRAIN")) rule = true;
        if (datasets.isEmpty()) for (String s : KNOWN_SETS) if (lower.contains(s)) datasets.add(s);
        return new ModelCard(file, datasets, rule, ids);
    }

    private static List<String> readList(Path f) {
        try {
            List<String> out = new ArrayList<>();
            for (String l : Files.readAllLines(f)) if (!l.isBlank() && !l.startsWith("#")) out.add(l.trim());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read identity list " + f, e);
        }
    }

    /** The card beside a model file: {@code <model>.md}, {@code MODEL_CARD.md}, {@code model-card.md} or {@code README.md}. */
    public static Optional<Path> beside(Path model) {
        Path dir = model.toAbsolutePath().getParent();
        String base = model.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        for (String n : new String[]{base + ".md", base + "-card.md", base + ".card.md", "MODEL_CARD.md", "model-card.md", "README.md"}) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        if (Files.isDirectory(model)) {
            for (String n : new String[]{"MODEL_CARD.md", "model-card.md", "README.md"}) {
                Path p = model.resolve(n);
                if (Files.isRegularFile(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
