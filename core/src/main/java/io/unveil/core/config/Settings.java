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
 * Every stage reads its own record of settings from here; unknown or malformed values fail at start-up, not later.
 */
public final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    public static Settings empty() {
        return new Settings(new TreeMap<>());
    }

    public static Settings load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> v = new TreeMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k).trim()));
        }
        env.forEach((k, val) -> {
            if (k.startsWith("UNVEIL_")) v.put(envToKey(k), val);
        });
        v.putAll(overrides);
        return new Settings(v);
    }

    static String envToKey(String env) {
        String rest = env.substring("UNVEIL_".length()).toLowerCase();
        int firstUnderscore = rest.indexOf('_');
        if (firstUnderscore < 0) return rest;
        return rest.substring(0, firstUnderscore) + "." + rest.substring(firstUnderscore + 1).replace('_', '-');
    }

    public Settings with(String key, String value) {
        Map<String, String> v = new TreeMap<>(values);
        v.put(key, value);
        return new Settings(v);
    }

    public String string(String key, String def) {
        return values.getOrDefault(key, def);
    }

    public int integer(String key, int def) {
        String s = values.get(key);
        if (s == null) return def;
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be an integer, got '" + s + "'");
        }
    }

    public long longValue(String key, long def) {
        String s = values.get(key);
        if (s == null) return def;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be an integer, got '" + s + "'");
        }
    }

    public double decimal(String key, double def) {
        String s = values.get(key);
        if (s == null) return def;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a number, got '" + s + "'");
        }
    }

    public boolean bool(String key, boolean def) {
        String s = values.get(key);
        if (s == null) return def;
        return switch (s.trim().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("setting " + key + " must be true or false, got '" + s + "'");
        };
    }

    public Duration duration(String key, Duration def) {
        String s = values.get(key);
        if (s == null) return def;
        String v = s.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.startsWith("p")) return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
            if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            if (v.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
            if (v.endsWith("m")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()) * 60);
            if (v.endsWith("h")) return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            return Duration.ofMillis(Long.parseLong(v));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting " + key + " must be milliseconds, a number with ms/s/m/h or an ISO-8601 duration,"
                    + " got '" + s + "'");
        }
    }

    /** All keys under a prefix (without it), e.g. {@code kafka.} pass-through client properties. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v);
        });
        return out;
    }
}
