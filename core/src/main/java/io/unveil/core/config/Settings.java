package io.unveil.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Typed configuration from, in increasing priority: defaults in code, a properties file, environment variables
 * ({@code UNVEIL_DETECTOR_MIN_FACE_PX} for {@code detector.min-face-px}) and explicit overrides (CLI flags).
 * {@link #load} checks every key and value against the {@link SettingRegistry}: an unknown key (a typo such as
 * {@code detektor.min-score}) or a malformed value fails at start-up with a did-you-mean, not later and not silently.
 * Code reads values through the declared {@link Setting}s ({@link #get(Setting)}), so each default lives in one place.
 */
public final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    public static Settings empty() {
        return new Settings(new TreeMap<>());
    }

    /** Loads and checks against the settings of every module on the class path. */
    public static Settings load(Path file, Map<String, String> env, Map<String, String> overrides) {
        return load(file, env, overrides, SettingRegistry.installed());
    }

    public static Settings load(Path file, Map<String, String> env, Map<String, String> overrides, SettingRegistry registry) {
        Map<String, String> v = new TreeMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
            for (String k : p.stringPropertyNames()) {
                String val = p.getProperty(k).trim();
                registry.check(k, val, "config file " + file);
                v.put(k, val);
            }
        }
        new TreeMap<>(env).forEach((name, val) -> {
            if (!name.startsWith("UNVEIL_")) return;
            String key = registry.keyOfEnv(name);
            if (key == null) return; // UNVEIL_HOME and the like: not settings
            registry.check(key, val, "environment variable " + name);
            v.put(key, val);
        });
        overrides.forEach((k, val) -> registry.check(k, val, "--set " + k + "=" + val));
        v.putAll(overrides);
        return new Settings(v);
    }

    /** A copy with one more value. Not checked: code, not the user, chooses the key. */
    public Settings with(String key, String value) {
        Map<String, String> v = new TreeMap<>(values);
        v.put(key, value);
        return new Settings(v);
    }

    public <T> Settings with(Setting<T> setting, String value) {
        return with(setting.name(), value);
    }

    /** The value of a setting, or its declared default. */
    public <T> T get(Setting<T> setting) {
        return get(setting, setting.defaultValue());
    }

    /** The value of a setting, or {@code fallback} when it is not set (a default taken from another setting). */
    public <T> T get(Setting<T> setting, T fallback) {
        String s = values.get(setting.name());
        return s == null ? fallback : setting.type().parse(setting.name(), s);
    }

    public boolean isSet(Setting<?> setting) {
        return values.containsKey(setting.name());
    }

    /** The keys of a pass-through family ({@code kafka.<property>}) without its prefix. */
    public Map<String, String> withPrefix(SettingPattern<?> family) {
        return withPrefix(family.prefix());
    }

    /** All keys under a prefix (without it), e.g. the ids under {@code camera.}. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v);
        });
        return out;
    }

    String string(String key, String def) {
        return values.getOrDefault(key, def);
    }

    int integer(String key, int def) {
        return typed(key, SettingType.INTEGER, def);
    }

    long longValue(String key, long def) {
        return typed(key, SettingType.LONG, def);
    }

    double decimal(String key, double def) {
        return typed(key, SettingType.DECIMAL, def);
    }

    boolean bool(String key, boolean def) {
        return typed(key, SettingType.BOOL, def);
    }

    Duration duration(String key, Duration def) {
        return typed(key, SettingType.DURATION, def);
    }

    private <T> T typed(String key, SettingType<T> type, T def) {
        String s = values.get(key);
        return s == null ? def : type.parse(key, s);
    }
}
