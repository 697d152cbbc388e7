package io.unveil.gallery.stage;

import io.unveil.core.config.Settings;
import io.unveil.core.config.UnveilHome;
import io.unveil.core.model.ModelLoader;
import io.unveil.core.runtime.AbstractRole;
import io.unveil.core.runtime.RoleContext;
import io.unveil.core.metrics.Metrics;
import io.unveil.gallery.GalleryService;
import io.unveil.gallery.cameras.CameraSnapshots;
import io.unveil.gallery.cameras.JpegDownscaler;
import io.unveil.gallery.cameras.KafkaFrameSampler;
import io.unveil.gallery.api.ApiKeys;
import io.unveil.gallery.api.GalleryApi;
import io.unveil.gallery.api.Scope;
import io.unveil.gallery.api.UploadLimits;
import io.unveil.gallery.enroll.ClipEnroller;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentPolicy;
import io.unveil.gallery.events.EventFeed;
import io.unveil.gallery.events.KafkaEventSource;
import io.unveil.gallery.store.KafkaGalleryStore;
import io.unveil.inpaint.occlusion.FaceOcclusionModel;
import io.unveil.inpaint.stage.EstimatorOcclusionStep;
import io.unveil.inpaint.stage.OcclusionStep;
import io.unveil.recognize.Embedder;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.ScoreGatedAnalyzer;
import io.unveil.detector.align.ChipAligner;
import io.unveil.detector.align.FaceChips;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.DetectorSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code gallery}: the enrollment service. Owns {@code unveil.gallery} (compacted), serves the REST API and the
 * web page ({@code gallery.host}, default 127.0.0.1; {@code gallery.port}, default 8080) and relays
 * {@code unveil.events} to API clients, and keeps the latest frame of each camera from {@code unveil.frames} (sampled
 * every {@code gallery.snapshot-every}, downscaled) for {@code GET /api/v1/cameras} and the page's snapshot strip. API keys: {@code gallery.api-keys-file} (lines NAME SCOPE sha256:HEX),
 * {@code gallery.admin-key} / {@code gallery.read-key} (plain, hashed at start); with none configured an admin key is
 * generated once into {@code ~/.cache/unveil/gallery-admin.key} (owner-only), which the CLI reads by default.
 * Enrollment embeds with the embedder its loader gives (in a process, the registry of {@code recognize.model}), so the
 * gallery's centroids live in the space the recognize role matches in; it finds and aligns faces with the networks of
 * {@code gallery.detector} and {@code gallery.landmarks}, loaded by the detector registry the detect role uses, and
 * asks {@code gallery.fallback-detector} only for a photo the first finds no face in.
 */
public final class GalleryRole extends AbstractRole {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryRole.class);
    /** JPEG quality of camera snapshots: 75 keeps a 640x360 frame near 30-40 KB. */
    static final int SNAPSHOT_QUALITY = 75;
    private final ModelLoader<? extends Embedder> embedders;
    private final ModelLoader<? extends FaceAnalyzer> detectors;
    /** The inpaint role's occlusion estimator ({@code inpaint.occlusion-model}) for POST /recognize; null: none. */
    private final ModelLoader<? extends FaceOcclusionModel> occlusionModels;
    private GalleryApi api;

    public GalleryRole(ModelLoader<? extends Embedder> embedders, ModelLoader<? extends FaceAnalyzer> detectors) {
        this(embedders, detectors, null);
    }

    /**
     * @param occlusionModels loads the occlusion estimator the inpaint role runs, so POST /recognize judges a masked face
     *                        as the camera pipeline does (occluded thresholds, occlusion-matched centroids); null: every
     *                        face of a photo is judged plain
     */
    public GalleryRole(ModelLoader<? extends Embedder> embedders, ModelLoader<? extends FaceAnalyzer> detectors,
                       ModelLoader<? extends FaceOcclusionModel> occlusionModels) {
        super("gallery");
        this.embedders = embedders;
        this.detectors = detectors;
        this.occlusionModels = occlusionModels;
    }

    /**
     * The enrollment's face finder, from the detector registry the detect role loads from: {@code gallery.detector}
     * (default {@code tiny}) with the landmark net of {@code gallery.landmarks} (default {@code faceapi}, the pretrained
     * net: enrollment photos are unoccluded by the gallery's gate, and on unoccluded faces it is the more precise),
     * faces under {@code detector.min-score} dropped as the detect stage drops them. The defaults are the networks the
     * gallery always enrolled with (docs/evaluation.md, "The gallery's detector").
     */
    static FaceChips chips(ModelLoader<? extends FaceAnalyzer> detectors, Settings s) {
        return chips(detectors, s, GallerySettings.DETECTOR.name(), s.get(GallerySettings.DETECTOR));
    }

    /** The fallback face finder ({@code gallery.fallback-detector}, same landmark net); null when it is {@code none}. */
    static FaceChips fallbackChips(ModelLoader<? extends FaceAnalyzer> detectors, Settings s) {
        String model = s.get(GallerySettings.FALLBACK_DETECTOR);
        return model == null || model.isBlank() || model.equals("none") ? null
                : chips(detectors, s, GallerySettings.FALLBACK_DETECTOR.name(), model);
    }

    private static FaceChips chips(ModelLoader<? extends FaceAnalyzer> detectors, Settings s, String key, String model) {
        float minScore = (float) DetectorConfig.from(s).minScore();
        String landmarks = s.get(GallerySettings.LANDMARKS);
        Settings enrollment = s.with(DetectorSettings.MODEL, model).with(DetectorSettings.LANDMARKS, landmarks);
        FaceAnalyzer analyzer;
        try {
            analyzer = detectors.load(enrollment);
        } catch (IllegalArgumentException e) {
            // the registry speaks of detector.model / detector.landmarks; the user set the gallery's keys
            throw new IllegalArgumentException(key + "=" + model + ", " + GallerySettings.LANDMARKS.name() + "=" + landmarks
                    + ": " + e.getMessage(), e);
        }
        return new FaceChips(new ScoreGatedAnalyzer(analyzer, minScore), ChipAligner.DLIB);
    }

    public static Path defaultAdminKeyFile() {
        return UnveilHome.dir().resolve("gallery-admin.key");
    }

    public static ApiKeys keys(Settings s) {
        List<ApiKeys.Key> keys = new ArrayList<>();
        String file = s.get(GallerySettings.API_KEYS_FILE);
        if (file != null) keys.addAll(ApiKeys.readFile(Path.of(file)));
        String admin = s.get(GallerySettings.ADMIN_KEY);
        if (admin != null) keys.add(ApiKeys.fromPlain("admin", Scope.ADMIN, admin));
        String read = s.get(GallerySettings.READ_KEY);
        if (read != null) keys.add(ApiKeys.fromPlain("read", Scope.READ, read));
        if (keys.isEmpty()) {
            Path f = Path.of(s.get(GallerySettings.ADMIN_KEY_FILE, defaultAdminKeyFile().toString()));
            keys.add(ApiKeys.bootstrapAdmin(f));
            LOG.warn("gallery: no API keys configured; admin key is in {}", f);
        }
        return new ApiKeys(keys);
    }

    @Override
    protected void open(RoleContext ctx) {
        Settings s = ctx.settings();
        FaceChips chips = chips(detectors, s);
        closeOnStop(chips.analyzer());
        Embedder embedder = closeOnStop(embedders.load(s));
        FaceChips fallback = fallbackChips(detectors, s);
        if (fallback != null) closeOnStop(fallback.analyzer());
        Enroller enroller = new Enroller(chips, embedder, EnrollmentPolicy.from(s, embedder.centred()), s.get(GallerySettings.OCCLUSION_CENTROIDS),
                s.get(GallerySettings.OCCLUSION_CENTROIDS_REALIGNED), fallback);
        ClipEnroller clips = new ClipEnroller(enroller, chips, s.get(GallerySettings.CLIP_SAMPLED_FRAMES),
                s.get(GallerySettings.CLIP_BEST_FRAMES), s.get(GallerySettings.CLIP_MAX_SECONDS), s.get(GallerySettings.MAX_CLIP_PIXELS));
        KafkaGalleryStore store = new KafkaGalleryStore(ctx.producerProperties("unveil-gallery"), ctx.clientProperties());
        closeOnStop(store);
        ctx.health("gallery-store", store::ready);
        EventFeed feed = new EventFeed(s.get(GallerySettings.EVENTS_BUFFER));
        closeOnStop(new KafkaEventSource(ctx.clientProperties(), feed, s.get(GallerySettings.EVENTS_BACKFILL)));
        CameraSnapshots snapshots = new CameraSnapshots(s.get(GallerySettings.SNAPSHOT_CAMERAS),
                new JpegDownscaler(s.get(GallerySettings.SNAPSHOT_WIDTH), SNAPSHOT_QUALITY));
        closeOnStop(new KafkaFrameSampler(ctx.clientProperties(), snapshots, s.get(GallerySettings.SNAPSHOT_EVERY), Metrics.registry()));
        String keep = s.get(GallerySettings.KEEP_IMAGES_DIR);
        GalleryService service = new GalleryService(store, enroller, clips, UploadLimits.from(s), keep == null ? null : Path.of(keep));
        api = new GalleryApi(service, feed, keys(s), io.unveil.gallery.api.RateLimiter.from(s))
                .sseLimits(s.get(GallerySettings.SSE_QUEUE), s.get(GallerySettings.SSE_MAX_STALL).toMillis(), s.get(GallerySettings.SSE_MAX_CLIENTS))
                .cameras(snapshots);
        // loaded outside the try below: a bad inpaint.occlusion-model stops the role with its own message
        OcclusionStep occlusion = occlusionModels == null ? null : new EstimatorOcclusionStep(closeOnStop(occlusionModels.load(s)));
        try {
            var cfg = io.unveil.recognize.stage.RecognizeConfig.from(s);
            api.recognizer(new io.unveil.gallery.recognize.PhotoRecognizer(chips, fallback, embedder, cfg.schedule(), cfg.center(),
                    occlusion, cfg.occlusionCentroids()), null);
            service.similarIdentities(new io.unveil.gallery.enroll.SimilarIdentities(cfg.center(), cfg.schedule()));
        } catch (IllegalArgumentException e) {
            // the gallery still enrolls; only POST /recognize needs the recognizer's threshold
            api.recognizer(null, "POST /recognize needs the recognizer's threshold: " + e.getMessage());
        }
        try {
            api.start(s.get(GallerySettings.HOST), s.get(GallerySettings.PORT));
        } catch (RuntimeException e) {
            if (!io.unveil.core.net.PortInUseException.isBindFailure(e)) throw e;
            throw new io.unveil.core.net.PortInUseException(s.get(GallerySettings.HOST), s.get(GallerySettings.PORT),
                    "--set " + GallerySettings.PORT.name() + "=<port> (0 = any free port)", e);
        }
        closeOnStop(api);
        LOG.info("gallery: API and web page on http://{}:{}/", s.get(GallerySettings.HOST), api.port());
    }

    public int port() {
        return api == null ? -1 : api.port();
    }
}
