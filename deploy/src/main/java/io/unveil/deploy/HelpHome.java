package io.unveil.deploy;

import io.unveil.core.config.UnveilHome;

/**
 * Help texts name the effective home folder ({@code -Dunveil.home}, {@code $UNVEIL_HOME} or {@code ~/.cache/unveil}),
 * not a fixed {@code ~/.cache/unveil}: descriptions write {@code ${sys:unveil.help.home}}, which picocli fills in when
 * it prints the help, from the property set here.
 */
public final class HelpHome {
    /** Also spelled out in research's command descriptions, which cannot see this class (deploy depends on research). */
    public static final String PROPERTY = "unveil.help.home";

    private HelpHome() {
    }

    static void publish() {
        System.setProperty(PROPERTY, UnveilHome.dir().toString());
    }
}
