package io.unveil.deploy.runtime;

import io.unveil.core.config.Settings;
import java.util.List;

/**
 * Refuses, before anything starts, a set of roles in one process that cannot produce a single event, with the fix
 * in the message. Measured in issue 25: {@code --roles detect,recognize,gallery} ran "UP" for good while embedding 0
 * faces, because recognize reads {@code unveil.faces.repaired} and only inpaint writes it.
 */
final class RoleCombination {
    private RoleCombination() {
    }

    static void check(List<String> roles, Settings s) {
        boolean rawFaces = s.get(io.unveil.recognize.stage.RecognizeSettings.READ_RAW_FACES);
        boolean inpaintElsewhere = s.get(io.unveil.deploy.DeploySettings.INPAINT_ELSEWHERE);
        if (roles.contains("detect") && roles.contains("recognize") && !roles.contains("inpaint") && !rawFaces && !inpaintElsewhere)
            throw new IllegalArgumentException("roles " + String.join(",", roles) + " cannot produce events: recognize reads "
                    + "unveil.faces.repaired, which only the inpaint role writes. Add inpaint to --roles, or set "
                    + "recognize.read-raw-faces=true to recognize detected faces without repair, or, when inpaint runs in "
                    + "another process, set pipeline.inpaint-elsewhere=true");
    }
}
