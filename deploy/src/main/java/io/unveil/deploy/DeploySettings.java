package io.unveil.deploy;

import io.unveil.core.config.Setting;
import io.unveil.core.config.SettingCatalogue;
import io.unveil.core.config.SettingSpec;
import io.unveil.deploy.cli.ServiceOptions;
import java.util.List;

/**
 * The launcher's own setting (its other options are command-line flags); its client commands read two
 * {@code UNVEIL_*} variables that are not settings.
 */
public final class DeploySettings implements SettingCatalogue {
    public static final Setting<Boolean> INPAINT_ELSEWHERE = Setting.bool("pipeline.inpaint-elsewhere", false,
            "this process runs detect and recognize while another runs inpaint (else that combination is refused: it cannot produce events)");

    @Override
    public List<SettingSpec> settings() {
        return List.of(INPAINT_ELSEWHERE);
    }

    @Override
    public List<String> otherVariables() {
        return List.of(ServiceOptions.URL_ENV, ServiceOptions.API_KEY_ENV);
    }
}
