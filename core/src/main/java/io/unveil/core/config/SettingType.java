package io.unveil.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a setting's text becomes a value. {@link #parse} fails with a one-line message naming the key and the value, so
 * a bad value stops start-up instead of surfacing later inside a stage.
 *
 * @param name what the README table and {@code --help} call the type
 */
public record SettingType<T>(String name, String expected, Function<String, T> parser) {
    public static final SettingType<String> TEXT = new SettingType<>("text", "text", s -> s);
    public static final SettingType<Integer> INTEGER = new SettingType<>("integer", "an integer", s -> Integer.parseInt(s.trim()));
    public static final SettingType<Long> LONG = new SettingType<>("integer", "an integer", s -> Long.parseLong(s.trim()));
    public static final SettingType<Double> DECIMAL = new SettingType<>("number", "a number", s -> Double.parseDouble(s.trim()));
    public static final SettingType<Boolean> BOOL = new SettingType<>("boolean", "true or false", SettingType::bool);
    public static final SettingType<Duration> DURATION = new SettingType<>("duration",
            "milliseconds, a number with ms/s/m/h or an ISO-8601 duration", SettingType::duration);

    public T parse(String key, String raw) {
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting " + key + " must be " + expected + ", got '" + raw + "'");
        }
    }

    private static boolean bool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static Duration duration(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) return Duration.parse(v.toUpperCase(Locale.ROOT));
        if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
        if (v.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
        if (v.endsWith("m")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()) * 60);
        if (v.endsWith("h")) return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).trim()));
        return Duration.ofMillis(Long.parseLong(v));
    }
}
