package io.unveil.recognize.stage;

import io.unveil.core.config.Settings;
import io.unveil.core.topic.Topics;
import io.unveil.recognize.calibrate.CalibrationResult;
import io.unveil.recognize.track.DecisionRule;
import io.unveil.recognize.match.ThresholdSchedule;
import io.unveil.recognize.match.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of the recognition stage ({@link RecognizeSettings}). The open-set threshold comes from a calibration file written by
 * {@code unveil calibrate} ({@code recognize.calibration}); {@code recognize.threshold} overrides it explicitly.
 * Without either, the calibration bundled with the module for {@code recognize.model} (measured on celeba-subset TRAIN
 * identities, see its card) is used; there is no hand-picked constant, and a model without a bundled calibration does
 * not start. A calibration holds one threshold per probe condition (plain, occluded, repaired, and against the
 * occlusion-matched centroids), all for the same target false-accept rate; an explicit threshold is used for all.
 * Occlusion-matched centroids are on by default; with thresholds that have no matched condition (an explicit threshold,
 * an older calibration file) they are turned off with a warning, and refused only when set to true explicitly.
 *
 * @param inputTopic         faces to recognize: {@code unveil.faces.repaired} (default) or {@code unveil.faces}
 * @param threshold          cosine similarity a fused track needs to be called a match
 * @param thresholdSource    where the threshold came from (file path or "explicit")
 * @param minMargin          required lead of the best identity over the second best
 * @param minFramesUnknown   frames in a row without a match before a visit is announced unknown
 * @param idleTimeout        the visit gap: a visit with no face for this long has ended
 * @param unknownJoin        cosine similarity to an unknown cluster needed to reuse its anonymous id
 * @param maxUnknownClusters bound on remembered anonymous ids (least recently seen forgotten first)
 * @param historyRetention   how long past sightings stay searchable for retroactive matches
 * @param retroactiveEvery   how often newly enrolled identities are searched in the history
 * @param historyThumbnails  keep the aligned face of a sighting in the history (for retroactive event thumbnails)
 * @param perIdentityMetrics count matches per identity (off by default: label cardinality)
 * @param center             mean unit descriptor from the calibration, subtracted before every cosine (null: none)
 * @param nameFrames         frames in a row matching one identity before it is announced
 * @param switchFrames       frames in a row matching another identity before a named visit changes to it
 * @param rejoinSimilarity   centred cosine of a new track's first face to a visit within the gap to continue it
 * @param quietTimeout       a visit whose camera sent no face for this long of wall-clock time has ended
 * @param schedule           the threshold of each probe condition for the gallery's size (its base: the calibration's,
 *                           {@code threshold} is the plain one; with {@code recognize.visit-far}, stricter as the
 *                           gallery grows)
 * @param occlusionCentroids compare occluded probes against the gallery's occlusion-matched centroids too
 */
public record RecognizeConfig(String inputTopic, float threshold, String thresholdSource, float minMargin,
                              int minFramesUnknown, Duration idleTimeout, float unknownJoin, int maxUnknownClusters,
                              Duration historyRetention, Duration retroactiveEvery, boolean historyThumbnails,
                              boolean perIdentityMetrics, float[] center, int nameFrames, int switchFrames,
                              float rejoinSimilarity, Duration quietTimeout, ThresholdSchedule schedule,
                              boolean occlusionCentroids) {
    private static final Logger LOG = LoggerFactory.getLogger(RecognizeConfig.class);

    public RecognizeConfig {
        if (!(threshold > -1f && threshold < 1f)) throw new IllegalArgumentException("recognize threshold must be in (-1,1)");
        if (schedule == null) schedule = ThresholdSchedule.fixed(Thresholds.uniform(threshold));
        Thresholds thresholds = schedule.base();
        if (occlusionCentroids && (Float.isNaN(thresholds.occludedMatched()) || Float.isNaN(thresholds.repairedMatched())))
            throw new IllegalArgumentException("recognize.occlusion-centroids=true needs thresholds for occluded probes against "
                    + "occlusion-matched centroids: use a calibration of `unveil calibrate` with them (the bundled one has them), "
                    + "not an explicit recognize.threshold or an older calibration file");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("recognize.idle-timeout must be > 0");
        if (quietTimeout.isNegative() || quietTimeout.isZero()) throw new IllegalArgumentException("recognize.quiet-timeout must be > 0");
        new DecisionRule(nameFrames, minFramesUnknown, switchFrames); // checks them
    }

    /** The calibration's thresholds (the schedule's base: what a gallery of few identities is held to). */
    public Thresholds thresholds() {
        return schedule.base();
    }

    /** The evidence a visit's decisions need (see {@link DecisionRule}). */
    public DecisionRule decisionRule() {
        return new DecisionRule(nameFrames, minFramesUnknown, switchFrames);
    }

    /** Defaults for everything but the threshold. */
    public static RecognizeConfig withThreshold(float threshold, String source) {
        Settings d = Settings.empty();
        return new RecognizeConfig(d.get(RecognizeSettings.INPUT_TOPIC), threshold, source,
                d.get(RecognizeSettings.MIN_MARGIN).floatValue(), d.get(RecognizeSettings.MIN_FRAMES_UNKNOWN),
                d.get(RecognizeSettings.IDLE_TIMEOUT), threshold, d.get(RecognizeSettings.MAX_UNKNOWN_CLUSTERS),
                d.get(RecognizeSettings.HISTORY_RETENTION), d.get(RecognizeSettings.RETROACTIVE_EVERY),
                d.get(RecognizeSettings.HISTORY_THUMBNAILS), d.get(RecognizeSettings.PER_IDENTITY_METRICS), null,
                d.get(RecognizeSettings.NAME_FRAMES), d.get(RecognizeSettings.SWITCH_FRAMES), threshold,
                d.get(RecognizeSettings.QUIET_TIMEOUT), ThresholdSchedule.fixed(Thresholds.uniform(threshold)), false);
    }

    public static RecognizeConfig from(Settings s) {
        float threshold;
        String source;
        float[] center = null;
        Thresholds thresholds;
        ThresholdSchedule schedule;
        double visitFar = s.get(RecognizeSettings.VISIT_FAR);
        String model = s.get(RecognizeSettings.MODEL);
        if (s.isSet(RecognizeSettings.THRESHOLD)) {
            threshold = s.get(RecognizeSettings.THRESHOLD).floatValue();
            thresholds = Thresholds.uniform(threshold);
            source = "explicit";
            // an explicit threshold is the user's operating point: it is not moved with the gallery's size
            schedule = ThresholdSchedule.fixed(thresholds);
        } else {
            String file = s.get(RecognizeSettings.CALIBRATION);
            CalibrationResult cal;
            if (file == null) {
                cal = CalibrationResult.bundled(model);
                source = "bundled " + CalibrationResult.bundledResource(model) + " (" + cal.data() + ", FAR " + cal.targetFar() + ")";
            } else {
                Path p = Path.of(file);
                if (!Files.isRegularFile(p)) throw new IllegalArgumentException("recognize.calibration file not found: " + p);
                cal = CalibrationResult.read(p);
                if (cal.model() != null && !cal.model().equals(model))
                    throw new IllegalArgumentException("recognize.calibration " + p + " was made for recognize.model=" + cal.model()
                            + ", this process runs recognize.model=" + model + ": calibrate that model (`unveil calibrate --model " + model + "`)");
                source = p.toString();
            }
            threshold = cal.threshold();
            center = cal.center();
            thresholds = cal.thresholds();
            schedule = cal.schedule(visitFar);
            if (visitFar > 0 && !cal.hasCurves())
                LOG.warn("recognize.visit-far {} has no effect: the calibration ({}) has no thresholds below its own FAR "
                        + "(made before `unveil calibrate` wrote them: calibrate again)", visitFar, source);
        }
        String input = s.get(RecognizeSettings.READ_RAW_FACES) ? Topics.FACES.name() : s.get(RecognizeSettings.INPUT_TOPIC);
        return new RecognizeConfig(input, threshold, source,
                s.get(RecognizeSettings.MIN_MARGIN).floatValue(),
                s.get(RecognizeSettings.MIN_FRAMES_UNKNOWN),
                s.get(RecognizeSettings.IDLE_TIMEOUT),
                s.get(RecognizeSettings.UNKNOWN_JOIN, (double) threshold).floatValue(),
                s.get(RecognizeSettings.MAX_UNKNOWN_CLUSTERS),
                s.get(RecognizeSettings.HISTORY_RETENTION),
                s.get(RecognizeSettings.RETROACTIVE_EVERY),
                s.get(RecognizeSettings.HISTORY_THUMBNAILS),
                s.get(RecognizeSettings.PER_IDENTITY_METRICS), center,
                s.get(RecognizeSettings.NAME_FRAMES), s.get(RecognizeSettings.SWITCH_FRAMES),
                s.get(RecognizeSettings.REJOIN_SIMILARITY, (double) threshold).floatValue(),
                s.get(RecognizeSettings.QUIET_TIMEOUT), schedule,
                occlusionCentroids(s, thresholds, source));
    }

    /**
     * recognize.occlusion-centroids as set, or its default (on) when the thresholds can serve it: a user who only sets
     * recognize.threshold, or reads an older calibration, gets plain-centroid matching and a warning, not a refusal.
     */
    private static boolean occlusionCentroids(Settings s, Thresholds thresholds, String source) {
        boolean on = s.get(RecognizeSettings.OCCLUSION_CENTROIDS);
        boolean served = !Float.isNaN(thresholds.occludedMatched()) && !Float.isNaN(thresholds.repairedMatched());
        if (on && !served && !s.isSet(RecognizeSettings.OCCLUSION_CENTROIDS)) {
            LOG.warn("recognize.occlusion-centroids is off: the thresholds ({}) have none for occlusion-matched centroids "
                    + "(calibrate with `unveil calibrate` to get them)", source);
            return false;
        }
        return on;
    }

    /** The same settings with a calibration's threshold and center. */
    public RecognizeConfig withCalibration(CalibrationResult cal, String source) {
        return new RecognizeConfig(inputTopic, cal.threshold(), source, minMargin, minFramesUnknown, idleTimeout,
                cal.threshold(), maxUnknownClusters, historyRetention, retroactiveEvery, historyThumbnails,
                perIdentityMetrics, cal.center(), nameFrames, switchFrames, cal.threshold(), quietTimeout,
                cal.schedule(schedule.visitFar()), occlusionCentroids);
    }

    /** The same settings with occlusion-matched centroids on or off. */
    public RecognizeConfig withOcclusionCentroids(boolean on) {
        return new RecognizeConfig(inputTopic, threshold, thresholdSource, minMargin, minFramesUnknown, idleTimeout,
                unknownJoin, maxUnknownClusters, historyRetention, retroactiveEvery, historyThumbnails, perIdentityMetrics, center,
                nameFrames, switchFrames, rejoinSimilarity, quietTimeout, schedule, on);
    }

    public RecognizeConfig withInputTopic(String topic) {
        return new RecognizeConfig(topic, threshold, thresholdSource, minMargin, minFramesUnknown, idleTimeout,
                unknownJoin, maxUnknownClusters, historyRetention, retroactiveEvery, historyThumbnails, perIdentityMetrics, center,
                nameFrames, switchFrames, rejoinSimilarity, quietTimeout, schedule, occlusionCentroids);
    }

    /** The same settings with visit gap {@code idle}; the wall-clock quiet timeout becomes the same (tests' streams end). */
    public RecognizeConfig withIdleTimeout(Duration idle) {
        return new RecognizeConfig(inputTopic, threshold, thresholdSource, minMargin, minFramesUnknown, idle,
                unknownJoin, maxUnknownClusters, historyRetention, retroactiveEvery, historyThumbnails, perIdentityMetrics, center,
                nameFrames, switchFrames, rejoinSimilarity, idle, schedule, occlusionCentroids);
    }

    public RecognizeConfig withHistoryRetention(Duration retention) {
        return new RecognizeConfig(inputTopic, threshold, thresholdSource, minMargin, minFramesUnknown, idleTimeout,
                unknownJoin, maxUnknownClusters, retention, retroactiveEvery, historyThumbnails, perIdentityMetrics, center,
                nameFrames, switchFrames, rejoinSimilarity, quietTimeout, schedule, occlusionCentroids);
    }
}
