package io.unveil.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every known setting of this process, from the {@link SettingCatalogue}s on the class path. Checks keys and values
 * given by the user (a key nobody reads fails with a did-you-mean), maps {@code UNVEIL_*} environment variables to
 * keys, and renders the documentation (README table, {@code --help}).
 */
public final class SettingRegistry {
    /** A suggestion is offered up to this many edits away (typos: a swapped pair is 2, a wrong word is more). */
    private static final int MAX_SUGGESTION_DISTANCE = 3;
    private static volatile SettingRegistry installed;

    private final List<SettingSpec> specs;
    private final Set<String> otherVariables;
    private final Map<String, Setting<?>> byKey = new LinkedHashMap<>();
    private final Map<String, String> envToKey = new LinkedHashMap<>();

    private SettingRegistry(List<SettingCatalogue> catalogues) {
        List<SettingSpec> all = new ArrayList<>();
        Set<String> others = new LinkedHashSet<>();
        for (SettingCatalogue c : catalogues) {
            all.addAll(c.settings());
            others.addAll(c.otherVariables());
        }
        this.specs = List.copyOf(all);
        this.otherVariables = Collections.unmodifiableSet(others);
        for (SettingSpec s : specs) {
            if (!(s instanceof Setting<?> k)) continue;
            if (byKey.put(k.name(), k) != null) throw new IllegalStateException("setting " + k.name() + " is declared twice");
            String env = envName(k.name());
            String clash = envToKey.put(env, k.name());
            if (clash != null) throw new IllegalStateException("settings " + clash + " and " + k.name() + " share variable " + env);
            if (others.contains(env)) throw new IllegalStateException(env + " is both a setting and another variable");
        }
    }

    /** The catalogues of every module on the class path (ServiceLoader), loaded once. */
    public static SettingRegistry installed() {
        SettingRegistry r = installed;
        if (r == null) {
            List<SettingCatalogue> cs = new ArrayList<>();
            ServiceLoader.load(SettingCatalogue.class, SettingRegistry.class.getClassLoader()).forEach(cs::add);
            // a stable order whatever the class path: core first, then by catalogue class name
            cs.sort((a, b) -> a instanceof CoreSettings ? -1 : b instanceof CoreSettings ? 1
                    : a.getClass().getName().compareTo(b.getClass().getName()));
            installed = r = new SettingRegistry(cs);
        }
        return r;
    }

    public static SettingRegistry of(SettingCatalogue... catalogues) {
        return new SettingRegistry(List.of(catalogues));
    }

    public List<SettingSpec> specs() {
        return specs;
    }

    public Set<String> otherVariables() {
        return otherVariables;
    }

    /** The entry that documents this key, or null for a key no module reads. */
    public SettingSpec find(String key) {
        Setting<?> exact = byKey.get(key);
        if (exact != null) return exact;
        for (SettingSpec s : specs) if (s.matches(key)) return s;
        return null;
    }

    /**
     * Fails with a one-line message when no module reads {@code key} or its value does not parse as the setting's
     * type. {@code source} says where it came from ("--set", "config file x.properties", "environment UNVEIL_X").
     */
    public void check(String key, String value, String source) {
        SettingSpec spec = find(key);
        if (spec == null) {
            String near = suggestKey(key);
            throw new IllegalArgumentException("unknown setting '" + key + "' (" + source + ")"
                    + (near != null ? "; did you mean '" + near + "'?" : "") + " Known settings: unveil run --help.");
        }
        try {
            spec.type().parse(key, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + source + ")");
        }
    }

    /**
     * The key an {@code UNVEIL_*} variable sets; null for one of the {@link #otherVariables()}. An unknown variable
     * fails with a did-you-mean.
     */
    public String keyOfEnv(String env) {
        if (otherVariables.contains(env)) return null;
        String key = envToKey.get(env);
        if (key != null) return key;
        for (SettingSpec s : specs) {
            if (s instanceof SettingPattern<?> p) {
                String k = p.keyOfEnv(env);
                if (k != null) return k;
            }
        }
        List<String> candidates = new ArrayList<>(envToKey.keySet());
        candidates.addAll(otherVariables);
        String near = nearest(env, candidates);
        throw new IllegalArgumentException("unknown environment variable " + env + ": no setting has that name"
                + (near != null ? "; did you mean " + near + (envToKey.containsKey(near) ? " (" + envToKey.get(near) + ")" : "") + "?" : "")
                + " Known settings: unveil run --help.");
    }

    /** The environment variable of a key: {@code detector.min-face-px} is {@code UNVEIL_DETECTOR_MIN_FACE_PX}. */
    public static String envName(String key) {
        return "UNVEIL_" + SettingPattern.envSpelling(key);
    }

    String suggestKey(String key) {
        List<String> candidates = new ArrayList<>(byKey.keySet());
        for (SettingSpec s : specs) {
            if (s instanceof SettingPattern<?> p) {
                String n = p.nearest(key);
                if (n != null && p.matches(n)) candidates.add(n);
            }
        }
        return nearest(key, candidates);
    }

    /**
     * The candidate fewest edits away, or else one that ends with the word's words (a missing module prefix:
     * {@code UNVEIL_API_KEYS_FILE} for {@code UNVEIL_GALLERY_API_KEYS_FILE}); null when nothing is close.
     */
    private static String nearest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
        for (String c : candidates) {
            int d = EditDistance.between(word, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best != null) return best;
        String tail = "_" + words(word);
        return candidates.stream().filter(c -> words(c).endsWith(tail)).min(java.util.Comparator.comparingInt(String::length)).orElse(null);
    }

    private static String words(String keyOrEnv) {
        String w = SettingPattern.envSpelling(keyOrEnv);
        return w.startsWith("UNVEIL_") ? w.substring("UNVEIL_".length()) : w;
    }

    /** The README's configuration table (Markdown), one row per setting. */
    public String markdownTable() {
        StringBuilder b = new StringBuilder("| key | type | default | meaning |\n|---|---|---|---|\n");
        for (SettingSpec s : specs)
            b.append("| `").append(s.name()).append("` | ").append(s.type().name()).append(" | ")
                    .append(s.defaultText().isEmpty() ? "" : "`" + s.defaultText() + "`").append(" | ")
                    .append(s.doc().replace("|", "\\|")).append(" |\n");
        return b.toString();
    }

    /**
     * The settings section of {@code run --help} and {@code demo --help}: each key with its type, then its doc and
     * default, wrapped to {@code width} columns (picocli would otherwise wrap long lines without indentation).
     */
    public String helpText(int width) {
        StringBuilder b = new StringBuilder();
        for (SettingSpec s : specs) {
            b.append("  ").append(s.name()).append(" (").append(s.type().name()).append(")").append(System.lineSeparator());
            String def = s.defaultText().isEmpty() ? "" : " (default " + s.defaultText() + ")";
            wrap(b, s.doc().replace("`", "") + def, "      ", width);
        }
        return b.toString();
    }

    private static void wrap(StringBuilder b, String text, String indent, int width) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                b.append(line).append(System.lineSeparator());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        b.append(line).append(System.lineSeparator());
    }
}
