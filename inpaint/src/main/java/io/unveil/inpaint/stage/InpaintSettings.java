package io.unveil.inpaint.stage;

import io.unveil.core.config.Setting;
import io.unveil.core.config.SettingCatalogue;
import io.unveil.core.config.SettingSpec;
import java.time.Duration;
import java.util.List;

/** The inpaint stage's settings ({@code inpaint.*}), read by {@link InpaintConfig}. */
public final class InpaintSettings implements SettingCatalogue {
    public static final Setting<Integer> MAX_BATCH = Setting.integer("inpaint.max-batch", 16,
            "occluded faces are repaired in batches of up to this many");
    public static final Setting<Duration> MAX_WAIT = Setting.duration("inpaint.max-wait", Duration.ofMillis(50),
            "no occluded face waits longer than this for its batch to fill");
    public static final Setting<String> DEVICE = Setting.text("inpaint.device", null,
            "`cpu` or `gpu` (the generator on CUDA; falls back to CPU with a log line)").documentedDefault("= device (cpu)");

    public static final Setting<String> OCCLUSION_MODEL = Setting.text("inpaint.occlusion-model", "bundled",
            "occlusion estimator: `bundled` (occlusion-unet-v4 in the jar) or the path of a weight file written by `unveil train occlusion`");
    public static final Setting<String> GENERATOR = Setting.text("inpaint.generator", "prior-idgan",
            "inpainting generator (used with `inpaint.repair=true`): `prior-idgan` (the default since 2026-12-06: generator.bin with the PCA face prior's completion as a further input, generator-prior.bin; chosen by the rule in the ID-GAN model card: on VALIDATION-CONFIRM 30.6 % of the drop recovered on average over five occluders vs 30.4 %, 58 % vs 43 % on the paper's block, all inside their intervals), `bundled` (the committed ID-GAN generator.bin), `pca-prior` (the PCA face prior alone) or the path of a weight file written by `unveil train idgan`");

    public static final Setting<Boolean> REPAIR = Setting.bool("inpaint.repair", false,
            "`true`: repair occluded faces with the generator (ID-GAN, inpaint.generator); `false` (the default since 2026-12-06, measured better live with `recognize.model=robust`: docs/evaluation.md \"The default pipeline\"): estimate the occlusion only and pass the face on as seen, so recognize matches it under its occluded threshold (and occlusion-matched centroids) instead of the plain one: for a recognizer that looks past occluders (`recognize.model=robust`); no generator is loaded");

    @Override
    public List<SettingSpec> settings() {
        return List.of(OCCLUSION_MODEL, GENERATOR, REPAIR, MAX_BATCH, MAX_WAIT, DEVICE);
    }
}
