package io.unveil.deploy;

import io.unveil.core.config.SettingRegistry;

/** The settings section of {@code run --help} and {@code demo --help}, generated from the registry. */
final class SettingsHelp {
    private SettingsHelp() {
    }

    static String[] footer() {
        String body = SettingRegistry.installed().helpText();
        // picocli formats footer lines (%n); a literal percent sign in a doc line must survive that
        return new String[]{"", "Settings (--config FILE < UNVEIL_<KEY> environment variables < --set KEY=VALUE; an unknown key fails):",
                body.replace("%", "%%")};
    }
}
