package io.unveil.deploy;

import io.unveil.core.config.SettingCatalogue;
import io.unveil.deploy.cli.ServiceOptions;
import java.util.List;

/**
 * The launcher reads no setting of its own (its options are command-line flags); its client commands read two
 * {@code UNVEIL_*} variables that are not settings.
 */
public final class DeploySettings implements SettingCatalogue {
    @Override
    public List<String> otherVariables() {
        return List.of(ServiceOptions.URL_ENV, ServiceOptions.API_KEY_ENV);
    }
}
