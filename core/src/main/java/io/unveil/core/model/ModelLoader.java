package io.unveil.core.model;

import io.unveil.core.config.Settings;

/** Loads one kind of network from the process settings (a loader reads its own keys, e.g. {@code detector.min-score}). */
@FunctionalInterface
public interface ModelLoader<T extends LoadedModel> {
    T load(Settings settings);
}
