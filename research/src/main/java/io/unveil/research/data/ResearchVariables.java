package io.unveil.research.data;

import io.unveil.core.config.SettingCatalogue;
import java.util.List;

/** The workbench reads no pipeline setting; {@code UNVEIL_SHARED_DATA} (where the data sets are) is not one. */
public final class ResearchVariables implements SettingCatalogue {
    @Override
    public List<String> otherVariables() {
        return List.of(SharedData.ENV);
    }
}
