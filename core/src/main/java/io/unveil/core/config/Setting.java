package io.unveil.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One known setting: its key, type, default and a one-line doc. Declared once, next to the config class that reads it
 * (in the module's {@link SettingCatalogue}), and read through {@link Settings#get(Setting)} so the default lives
 * here only.
 *
 * @param defaultValue null when the setting has no default (optional, or computed from another setting)
 * @param defaultText  the default as documented (usually {@code defaultValue} printed)
 */
public record Setting<T>(String name, SettingType<T> type, T defaultValue, String defaultText, String doc) implements SettingSpec {
    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
        if (defaultText == null) defaultText = defaultValue == null ? "" : show(defaultValue);
    }

    public static Setting<String> text(String key, String def, String doc) {
        return new Setting<>(key, SettingType.TEXT, def, null, doc);
    }

    public static Setting<Integer> integer(String key, int def, String doc) {
        return new Setting<>(key, SettingType.INTEGER, def, null, doc);
    }

    public static Setting<Long> longValue(String key, long def, String doc) {
        return new Setting<>(key, SettingType.LONG, def, null, doc);
    }

    public static Setting<Double> decimal(String key, double def, String doc) {
        return new Setting<>(key, SettingType.DECIMAL, def, null, doc);
    }

    public static Setting<Boolean> bool(String key, boolean def, String doc) {
        return new Setting<>(key, SettingType.BOOL, def, null, doc);
    }

    public static Setting<Duration> duration(String key, Duration def, String doc) {
        return new Setting<>(key, SettingType.DURATION, def, null, doc);
    }

    /** The same setting, documented with this default (for one computed at run time, e.g. "= recognize.threshold"). */
    public Setting<T> documentedDefault(String text) {
        return new Setting<>(name, type, defaultValue, text, doc);
    }

    @Override
    public boolean matches(String key) {
        return name.equals(key);
    }

    private static String show(Object v) {
        if (v instanceof Duration d) {
            if (d.toMillis() < 1000) return d.toMillis() + "ms";
            if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) return "P" + d.toDays() + "D";
            return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        }
        if (v instanceof Double x && x == Math.rint(x) && !Double.isInfinite(x)) return Long.toString(x.longValue());
        return String.valueOf(v);
    }
}
