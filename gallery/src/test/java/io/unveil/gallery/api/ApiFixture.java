package io.unveil.gallery.api;

import io.unveil.gallery.GalleryService;
import io.unveil.gallery.cameras.CameraSnapshots;
import io.unveil.gallery.cameras.JpegDownscaler;
import io.unveil.gallery.enroll.ClipEnroller;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentPolicy;
import io.unveil.gallery.enroll.SimilarIdentities;
import io.unveil.gallery.events.EventFeed;
import io.unveil.gallery.recognize.PhotoRecognizer;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MemoryGalleryStore;
import io.unveil.detector.align.FaceChips;
import io.unveil.recognize.match.ThresholdSchedule;
import io.unveil.recognize.match.Thresholds;
import io.unveil.recognize.testing.PatternEmbedder;
import java.util.List;

/** A running API on a free loopback port with test doubles for models and store; keys: admin and read-only. */
public final class ApiFixture implements AutoCloseable {
    public static final String ADMIN = "admin-key-0123456789abcdef";
    public static final String READER = "read-key-0123456789abcdef";
    /** The recognizer's threshold for POST /recognize: the pattern faces of one person score above 0.9, of two below 0.3. */
    public static final float THRESHOLD = 0.6f;
    public final MemoryGalleryStore store = new MemoryGalleryStore();
    public final EventFeed feed = new EventFeed(100);
    /** Camera snapshots: tests offer frames here as the frame sampler would (at most 4 cameras, 64 px wide). */
    public final CameraSnapshots cameras = new CameraSnapshots(4, new JpegDownscaler(64, 75));
    public final GalleryService service;
    public final GalleryApi api;
    public final String url;

    public ApiFixture(UploadLimits limits) {
        FaceChips chips = MarkedFaces.chips(new MarkedFaces.Analyzer());
        Enroller enroller = new Enroller(chips, new PatternEmbedder(), EnrollmentPolicy.defaults());
        service = new GalleryService(store, enroller, new ClipEnroller(enroller, chips, 40, 8, 10), limits, null)
                .similarIdentities(new SimilarIdentities(null, ThresholdSchedule.fixed(Thresholds.uniform(THRESHOLD))));
        ApiKeys keys = new ApiKeys(List.of(ApiKeys.fromPlain("ops", Scope.ADMIN, ADMIN), ApiKeys.fromPlain("screen", Scope.READ, READER)));
        api = new GalleryApi(service, feed, keys).recognizer(new PhotoRecognizer(chips, new PatternEmbedder(), THRESHOLD, null), null)
                .cameras(cameras).start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + api.port();
    }

    @Override
    public void close() {
        api.close();
    }
}
