package io.unveil.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A family of settings: a key with placeholders, e.g. {@code camera.<id>.fps}, {@code camera.<id>.option.<option>} or
 * the pass-through {@code kafka.<property>}. Placeholders: {@code <id>} (a camera id, may contain dots),
 * {@code <option>} and {@code <property>} (the rest of the key; only as the last part). Their environment variable
 * is the template upper-cased ({@code UNVEIL_CAMERA_<ID>_FPS}); a {@code <property>} spells its dots as underscores
 * ({@code UNVEIL_KAFKA_SECURITY_PROTOCOL} = {@code kafka.security.protocol}: Kafka's names have no underscores).
 */
public record SettingPattern<T>(String name, SettingType<T> type, String defaultText, String doc) implements SettingSpec {
    private static final Pattern PLACEHOLDER = Pattern.compile("<(id|option|property)>");

    public SettingPattern {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
        if (defaultText == null) defaultText = "";
        if (!PLACEHOLDER.matcher(name).find()) throw new IllegalArgumentException("a pattern needs a placeholder: " + name);
        for (String seg : name.split("\\.")) {
            if (seg.startsWith("<") && !PLACEHOLDER.matcher(seg).matches()) throw new IllegalArgumentException("bad placeholder in " + name);
            if ((seg.equals("<option>") || seg.equals("<property>")) && !name.endsWith(seg))
                throw new IllegalArgumentException(seg + " must be last in " + name);
        }
    }

    public static <T> SettingPattern<T> of(String template, SettingType<T> type, String defaultText, String doc) {
        return new SettingPattern<>(template, type, defaultText, doc);
    }

    /** The concrete key for these placeholder values, e.g. {@code CAMERA_FPS.at("door")} = {@code camera.door.fps}. */
    public Setting<T> at(String... values) {
        Matcher m = PLACEHOLDER.matcher(name);
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= values.length) throw new IllegalArgumentException(name + " needs " + (i + 1) + " values");
            m.appendReplacement(key, Matcher.quoteReplacement(values[i++]));
        }
        m.appendTail(key);
        if (i != values.length) throw new IllegalArgumentException(name + " takes " + i + " values");
        return new Setting<>(key.toString(), type, null, defaultText, doc);
    }

    /** The literal start of the pattern ({@code camera.} for {@code camera.<id>.fps}). */
    public String prefix() {
        return name.substring(0, name.indexOf('<'));
    }

    @Override
    public boolean matches(String key) {
        return keyRegex().matcher(key).matches();
    }

    /** The key this environment variable sets, or null when it is not one of this pattern's variables. */
    String keyOfEnv(String env) {
        List<String> segs = segments();
        StringBuilder re = new StringBuilder("UNVEIL_");
        for (int i = 0; i < segs.size(); i++) {
            String s = segs.get(i);
            if (i > 0) re.append('_');
            re.append(s.startsWith("<") ? (i == segs.size() - 1 ? "(.+)" : "(.+?)") : Pattern.quote(envSpelling(s)));
        }
        Matcher m = Pattern.compile(re.toString()).matcher(env);
        if (!m.matches()) return null;
        List<String> values = new ArrayList<>();
        int g = 1;
        for (String s : segs) {
            if (!s.startsWith("<")) continue;
            String v = m.group(g++).toLowerCase(Locale.ROOT);
            values.add(s.equals("<property>") ? v.replace('_', '.') : v);
        }
        String key = at(values.toArray(String[]::new)).name();
        return matches(key) ? key : null;
    }

    /**
     * The key this pattern would make of {@code key}'s own placeholder parts (for a did-you-mean): {@code camera.door.fsp}
     * against {@code camera.<id>.fps} gives {@code camera.door.fps}; null when the shapes differ.
     */
    String nearest(String key) {
        List<String> t = segments();
        String[] k = key.split("\\.", -1);
        if (k.length < t.size()) return null;
        List<String> out = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < t.size(); i++) {
            String s = t.get(i);
            if (!s.startsWith("<")) {
                out.add(s);
                j++;
                continue;
            }
            int take = i == t.size() - 1 ? k.length - j : Math.max(1, (k.length - j) - (t.size() - i - 1));
            out.add(String.join(".", java.util.Arrays.copyOfRange(k, j, j + take)));
            j += take;
        }
        return String.join(".", out);
    }

    private List<String> segments() {
        return List.of(name.split("\\."));
    }

    private Pattern keyRegex() {
        List<String> segs = segments();
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < segs.size(); i++) {
            String s = segs.get(i);
            if (i > 0) re.append("\\.");
            re.append(switch (s) {
                case "<id>" -> "[A-Za-z0-9._-]+";
                case "<option>", "<property>" -> "[^=\\s]+";
                default -> Pattern.quote(s);
            });
        }
        return Pattern.compile(re.toString());
    }

    static String envSpelling(String keyPart) {
        return keyPart.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
