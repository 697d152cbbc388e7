package io.unveil.inpaint.stage;

import io.unveil.core.config.CoreSettings;
import io.unveil.core.config.Settings;
import java.time.Duration;

/**
 * Settings of the inpaint stage ({@link InpaintSettings}): faces are repaired in batches of up to {@code maxBatch},
 * and no occluded face waits longer than {@code maxWait} for its batch to fill. {@code device} = cpu|gpu (gpu falls
 * back to cpu with a log line).
 */
public record InpaintConfig(int maxBatch, Duration maxWait, String device, boolean repair) {
    public InpaintConfig(int maxBatch, Duration maxWait, String device) {
        this(maxBatch, maxWait, device, true);
    }

    public InpaintConfig {
        if (maxBatch < 1) throw new IllegalArgumentException("inpaint.max-batch must be >= 1");
        if (maxWait.isNegative() || maxWait.isZero()) throw new IllegalArgumentException("inpaint.max-wait must be > 0");
    }

    public static InpaintConfig defaults() {
        return from(Settings.empty());
    }

    public static InpaintConfig from(Settings s) {
        return new InpaintConfig(s.get(InpaintSettings.MAX_BATCH), s.get(InpaintSettings.MAX_WAIT),
                s.get(InpaintSettings.DEVICE, s.get(CoreSettings.DEVICE)), s.get(InpaintSettings.REPAIR));
    }
}
