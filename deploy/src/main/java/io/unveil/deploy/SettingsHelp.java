package io.unveil.deploy;

import io.unveil.core.config.SettingRegistry;

/** The settings section of {@code run --help} and {@code demo --help}, generated from the registry. */
final class SettingsHelp {
    private SettingsHelp() {
    }

    /** picocli's default usage width is 80; one column less keeps its own wrapping out of the list. */
    private static final int HELP_WIDTH = 79;

    static String[] footer() {
        String body = SettingRegistry.installed().helpText(HELP_WIDTH);
        // picocli formats footer lines (%n); a literal percent sign in a doc line must survive that
        return new String[]{"", "Settings (--config FILE < UNVEIL_<KEY> environment variables < --set KEY=VALUE;",
                "an unknown key fails):",
                body.replace("%", "%%")};
    }
}
