package io.unveil.core.config;

/**
 * A documented entry of the settings registry: one key ({@link Setting}) or a family of keys ({@link SettingPattern},
 * e.g. {@code camera.<id>.fps} or the pass-through {@code kafka.<property>}).
 */
public sealed interface SettingSpec permits Setting, SettingPattern {
    /** The key, or the pattern with its placeholders ({@code camera.<id>.fps}). */
    String name();

    SettingType<?> type();

    /** The default as the README shows it; empty when there is none. */
    String defaultText();

    /** One line: what the setting does. */
    String doc();

    boolean matches(String key);
}
