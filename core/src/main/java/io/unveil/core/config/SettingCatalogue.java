package io.unveil.core.config;

import java.util.List;

/**
 * The settings one module reads, declared next to the code that reads them. Each module lists its catalogue in
 * {@code META-INF/services/io.unveil.core.config.SettingCatalogue}; {@link SettingRegistry#installed()} collects every
 * catalogue on the class path, so a process knows exactly the keys of the modules it runs.
 */
public interface SettingCatalogue {
    /** Settings and families of settings, in the order the README table lists them (none for a module that only reads variables). */
    default List<SettingSpec> settings() {
        return List.of();
    }

    /**
     * Environment variables that start with {@code UNVEIL_} but are not settings (e.g. {@code UNVEIL_HOME}): they
     * must not be refused as unknown settings.
     */
    default List<String> otherVariables() {
        return List.of();
    }

    /** A catalogue of just these settings (tests, tools). */
    static SettingCatalogue of(SettingSpec... specs) {
        List<SettingSpec> list = List.of(specs);
        return new SettingCatalogue() {
            @Override
            public List<SettingSpec> settings() {
                return list;
            }
        };
    }
}
