// POST /recognize's judgement of masked photos, before and after it estimates occlusion (eighth stop, 2026-12-06).
// Run from the repository root after `mvn -B -q install -DskipTests` (the jar and its lib/ are what it reads):
//   java -cp 'deploy/target/unveil.jar:deploy/target/lib/*' docs/rules/scripts/PhotoRecognizeMasked.java ../shared/data/celeba-subset 20 20
// VALIDATION identities of celeba-subset, in IdentitySplit's order: the first ENROLLED with >= 5 photos are enrolled
// from their first 3 photos by the gallery's own Enroller (default settings: tiny + face-api landmarks, YuNet fallback,
// occlusion-matched centroids); the next STRANGERS identities are never enrolled. Every other photo of both is a probe,
// plain and with a medical mask drawn into the photo (OccludedPhoto, as `eval detection` and `calibrate --realigned`
// draw it, on the landmarks the gallery's detector finds on the plain photo). Each probe goes through PhotoRecognizer
// (the class behind POST /recognize) as before this stop (no estimator: plain threshold, plain centroids) and as now
// (the inpaint role's estimator, occluded thresholds, matched centroids); the largest face is the answer.
import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.GalleryEntry;
import io.unveil.deploy.runtime.Models;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.ScoreGatedAnalyzer;
import io.unveil.detector.align.ChipAligner;
import io.unveil.detector.align.FaceChips;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.DetectorSettings;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentPolicy;
import io.unveil.gallery.enroll.EnrollmentResult;
import io.unveil.gallery.recognize.PhotoRecognizer;
import io.unveil.inpaint.stage.EstimatorOcclusionStep;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.stage.RecognizeConfig;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.LabeledImages;
import io.unveil.research.eval.detection.OccludedPhoto;
import io.unveil.research.occluders.OccluderType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class PhotoRecognizeMasked {
    static FaceChips chips(Settings s, String model) {
        FaceAnalyzer a = Models.DETECTORS.load(s.with(DetectorSettings.MODEL, model).with(DetectorSettings.LANDMARKS, "faceapi"));
        return new FaceChips(new ScoreGatedAnalyzer(a, (float) DetectorConfig.from(s).minScore()), ChipAligner.DLIB);
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int enrolledN = Integer.parseInt(args[1]), strangersN = Integer.parseInt(args[2]);
        String dataset = data.toAbsolutePath().normalize().getFileName().toString();
        Settings s = Settings.load(null, Map.of(), Map.of());
        FaceChips chips = chips(s, "tiny"), fallback = chips(s, "yunet");
        Embedder embedder = Models.RECOGNIZERS.load(s);
        RecognizeConfig cfg = RecognizeConfig.from(s);
        Enroller enroller = new Enroller(chips, embedder, EnrollmentPolicy.from(s, embedder.centred()), true, false, fallback);
        PhotoRecognizer before = new PhotoRecognizer(chips, fallback, embedder, cfg.schedule(), cfg.center());
        PhotoRecognizer now = new PhotoRecognizer(chips, fallback, embedder, cfg.schedule(), cfg.center(),
                new EstimatorOcclusionStep(Models.OCCLUSION_MODELS.load(s)), cfg.occlusionCentroids());

        List<GalleryEntry> gallery = new ArrayList<>();
        List<String[]> probes = new ArrayList<>(); // identity (null for a stranger), file
        int strangers = 0;
        for (Map.Entry<String, List<Path>> e : LabeledImages.load(data).byIdentity().entrySet()) {
            if (!IdentitySplit.Subset.VALIDATION.contains(dataset, e.getKey()) || e.getValue().size() < 5) continue;
            if (gallery.size() < enrolledN) {
                List<Enroller.Input> in = new ArrayList<>();
                for (Path p : e.getValue().subList(0, 3)) in.add(new Enroller.Input(p.toString(), Images.read(p), null));
                EnrollmentResult r = enroller.enroll(in, null);
                if (!r.ok()) continue;
                gallery.add(new GalleryEntry(e.getKey(), e.getKey(), r.centroid(), r.count(), r.meanQuality(), 1, 0, 0, Map.of(),
                        r.occludedCentroids() == null ? Map.of() : r.occludedCentroids()));
                for (Path p : e.getValue().subList(3, e.getValue().size())) probes.add(new String[]{e.getKey(), p.toString()});
            } else if (strangers < strangersN) {
                strangers++;
                for (Path p : e.getValue()) probes.add(new String[]{null, p.toString()});
            }
        }
        System.out.printf("%d enrolled, %d strangers, %d probe photos%n", gallery.size(), strangers, probes.size());
        // [variant][plain 0 / masked 1][enrolled: right, wrong, unknown, no face | stranger: named, unknown, no face]
        int[][][] n = new int[2][2][7];
        int done = 0;
        for (String[] pr : probes) {
            RgbImage photo = Images.read(Path.of(pr[1]));
            DetectedFace f = FaceChips.largestFace(chips.detect(photo));
            if (f == null) f = FaceChips.largestFace(fallback.detect(photo));
            if (f == null || f.landmarks() == null) continue; // no ground truth to draw the mask on
            RgbImage masked = OccludedPhoto.draw(photo, f.landmarks(), OccluderType.MEDICAL_MASK, done);
            for (int v = 0; v < 2; v++) {
                PhotoRecognizer r = v == 0 ? before : now;
                for (int m = 0; m < 2; m++) {
                    List<PhotoRecognizer.Found> found = r.recognize(m == 0 ? photo : masked, gallery);
                    PhotoRecognizer.Found best = found.isEmpty() ? null : found.get(0);
                    int k;
                    if (pr[0] != null) k = best == null ? 3 : !best.known() ? 2 : pr[0].equals(best.identityId()) ? 0 : 1;
                    else k = best == null ? 6 : best.known() ? 4 : 5;
                    n[v][m][k]++;
                }
            }
            if (++done % 25 == 0) System.err.printf("\r%d/%d", done, probes.size());
        }
        System.err.println();
        for (int v = 0; v < 2; v++)
            for (int m = 0; m < 2; m++) {
                int[] c = n[v][m];
                System.out.printf("%s, %s: enrolled named right %d, wrong %d, unknown %d, no face %d of %d | strangers named %d, unknown %d, no face %d of %d%n",
                        v == 0 ? "before (plain judgement)" : "now (estimator)", m == 0 ? "plain photo" : "medical mask",
                        c[0], c[1], c[2], c[3], c[0] + c[1] + c[2] + c[3], c[4], c[5], c[6], c[4] + c[5] + c[6]);
            }
        System.exit(0);
    }
}
