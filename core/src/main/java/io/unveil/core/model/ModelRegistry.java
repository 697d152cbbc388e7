package io.unveil.core.model;

import io.unveil.core.config.Setting;
import io.unveil.core.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The networks one setting chooses between, by name, as detector plugins chosen by a config key: e.g.
 * {@code detector.model=tiny|ssd}. A registry that {@link #orFile accepts files} also takes the path of a weight file
 * in the project's format for any value that is not a registered name ({@code inpaint.generator=bundled|<path>}). An
 * unknown name, or a path that is not a readable file, fails {@link #resolve} with the list of known names; the process
 * resolves every registry before it starts anything (deploy's {@code Models.check}).
 */
public final class ModelRegistry<T extends LoadedModel> implements ModelLoader<T> {
    /** Loads a network from a weight file named by the setting. */
    @FunctionalInterface
    public interface FileLoader<T extends LoadedModel> {
        T load(Path file, Settings settings);
    }

    private final Setting<String> setting;
    private final String key;
    private final String defaultName;
    private final Map<String, ModelLoader<? extends T>> loaders = new LinkedHashMap<>();
    private FileLoader<? extends T> fileLoader;

    /**
     * @param key         the setting that chooses, e.g. {@code detector.model}
     * @param defaultName the name used when the setting is absent; it must be registered
     */
    public ModelRegistry(String key, String defaultName) {
        this(Setting.text(key, defaultName, "the network " + key + " chooses"));
    }

    /** The registry chosen by a declared setting (its module's catalogue documents the names); its default is the setting's. */
    public ModelRegistry(Setting<String> setting) {
        this.setting = setting;
        this.key = setting.name();
        this.defaultName = setting.defaultValue();
    }

    /** Adds a network under a name (letters, digits, '-' and '_'); a name is registered once. */
    public ModelRegistry<T> register(String name, ModelLoader<? extends T> loader) {
        if (!name.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("model name '" + name + "' is not a plain word");
        if (loaders.putIfAbsent(name, loader) != null) throw new IllegalArgumentException(key + ": '" + name + "' registered twice");
        return this;
    }

    /** Any value that is not a registered name is the path of a weight file, loaded by {@code loader}. */
    public ModelRegistry<T> orFile(FileLoader<? extends T> loader) {
        this.fileLoader = loader;
        return this;
    }

    public String key() {
        return key;
    }

    public String defaultName() {
        return defaultName;
    }

    /** The registered names, in registration order. */
    public List<String> names() {
        return List.copyOf(loaders.keySet());
    }

    public boolean acceptsFiles() {
        return fileLoader != null;
    }

    /**
     * The loader the settings choose; fails with the known names on an unknown name, and on a path that is not a
     * readable file. Loads nothing.
     */
    public ModelLoader<? extends T> resolve(Settings settings) {
        if (!loaders.containsKey(defaultName))
            throw new IllegalStateException(key + ": default '" + defaultName + "' is not registered (known: " + known() + ")");
        String value = settings.get(setting).trim();
        ModelLoader<? extends T> named = loaders.get(value);
        if (named != null) return named;
        if (fileLoader == null)
            throw new IllegalArgumentException("unknown " + key + " '" + value + "'; known: " + known());
        Path file = Path.of(value);
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
            throw new IllegalArgumentException(key + " '" + value + "' is neither a known name (" + known()
                    + ") nor a readable weight file");
        FileLoader<? extends T> f = fileLoader;
        return s -> f.load(file, s);
    }

    /** The network the settings choose, loaded. */
    @Override
    public T load(Settings settings) {
        return resolve(settings).load(settings);
    }

    private String known() {
        return String.join(", ", loaders.keySet());
    }
}
