package io.unveil.core.config;

import java.util.List;

/** Settings read by core: Kafka and Streams pass-through ({@code RoleContext}) and the shared compute device. */
public final class CoreSettings implements SettingCatalogue {
    public static final SettingPattern<String> KAFKA = SettingPattern.of("kafka.<property>", SettingType.TEXT, "",
            "passed to every Kafka client (e.g. `kafka.security.protocol=SSL`)");
    public static final Setting<Integer> STREAMS_THREADS = Setting.integer("streams.threads", 1,
            "Kafka Streams threads per application");
    public static final SettingPattern<String> STREAMS_CONFIG = SettingPattern.of("streams.config.<property>", SettingType.TEXT, "",
            "any other Kafka Streams setting (e.g. `streams.config.commit.interval.ms=30`); wins over Unveil's own");
    public static final Setting<String> DEVICE = Setting.text("device", "cpu",
            "compute device of the stages that can use a GPU, unless their own setting says otherwise (`inpaint.device`)");

    @Override
    public List<SettingSpec> settings() {
        return List.of(KAFKA, STREAMS_THREADS, STREAMS_CONFIG, DEVICE);
    }

    @Override
    public List<String> otherVariables() {
        return List.of(UnveilHome.ENV);
    }
}
