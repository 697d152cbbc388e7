package io.unveil.deploy.demo;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.gallery.enroll.FaceQuality;
import io.unveil.research.bench.CameraVideos;
import io.unveil.research.eval.inpaint.LibraryOcclusion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The demo's people, cut from the group photos of the pinned face-api package: per photo the largest detected face,
 * framed as a head-and-shoulders portrait. The first {@link #ENROLLED} get a name and an enrollment photo; the rest are
 * strangers the camera shows but nobody enrolled. The package holds one photo per person, so an enrollment photo is a
 * different picture made from that photo (a tighter crop, mirrored and re-lit), not a second photo of the person:
 * the demo shows the product at work; {@code unveil eval live} measures recognition on truly different photos.
 */
public record DemoCast(List<Person> people) {
    /** People enrolled before the camera starts; the others are strangers. */
    public static final int ENROLLED = 4;
    /** Names given to the enrolled people, in photo order. */
    static final List<String> NAMES = List.of("Ada", "Grace", "Hedy", "Joan");
    /** The package photos are 1920 px wide; the tiny detector at its default input finds their faces at this size. */
    static final int DETECT_LONG_SIDE = 1280;
    /** Faces below this detector score are not picked (a half-hidden face makes a poor sample). */
    static final float MIN_SCORE = 0.6f;

    /** One person: a name (null for a stranger), the enrollment photo (null for a stranger), the portrait the camera shows. */
    public record Person(String name, RgbImage enrollPhoto, RgbImage portrait, int photoIndex) {
        public boolean enrolled() {
            return name != null;
        }

        /** The label in the demo's output: the name, or "stranger N". */
        public String label(int strangerNumber) {
            return enrolled() ? name : "stranger " + strangerNumber;
        }
    }

    /** One camera shot: who, and whether a mask is drawn on the face. */
    public record Shot(Person person, boolean masked, RgbImage image) {
    }

    /**
     * The people of {@code photos}: the frontal faces of each photo, best detector score first, taken one photo after
     * the other (first the best face of every photo, then the second best...), the first {@link #ENROLLED} enrolled and
     * the next {@code strangers} strangers.
     */
    public static DemoCast of(List<Path> photos, FaceAnalyzer analyzer, int strangers) {
        List<RgbImage> shrunk = new ArrayList<>();
        List<List<DetectedFace>> faces = new ArrayList<>();
        for (Path f : photos) {
            RgbImage photo = shrink(Images.read(f));
            shrunk.add(photo);
            faces.add(analyzer.detect(photo).stream().filter(d -> d.score() >= MIN_SCORE && frontal(d.landmarks()))
                    .sorted(Comparator.comparingDouble(d -> -d.score())).toList());
        }
        List<Person> people = new ArrayList<>();
        for (int rank = 0; people.size() < ENROLLED + strangers && rank < 8; rank++) {
            for (int i = 0; i < photos.size() && people.size() < ENROLLED + strangers; i++) {
                if (faces.get(i).size() <= rank) continue;
                RgbImage photo = shrunk.get(i);
                var box = faces.get(i).get(rank).box();
                int n = people.size();
                people.add(n < ENROLLED ? new Person(NAMES.get(n), relit(mirrored(tight(photo, box)), 1.1), portrait(photo, box), i + 1)
                        : new Person(null, null, portrait(photo, box), i + 1));
            }
        }
        if (people.size() < ENROLLED + strangers)
            throw new IllegalStateException("the sample photos hold " + people.size() + " frontal faces; the demo needs " + (ENROLLED + strangers));
        return new DemoCast(List.copyOf(people));
    }

    /**
     * Every person shown plain, then every person with a medical mask drawn on the face (the occluder library's, as
     * {@code eval live} draws it); a portrait whose face the detector does not find again is shown plain only.
     */
    public List<Shot> shots(FaceAnalyzer analyzer, long seed) {
        LibraryOcclusion mask = LibraryOcclusion.parse("medical-mask");
        List<Shot> plain = new ArrayList<>(), masked = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            plain.add(new Shot(p, false, p.portrait()));
            DetectedFace face = analyzer.detect(p.portrait()).stream().max(Comparator.comparingDouble(f -> f.box().area())).orElse(null);
            if (face == null) continue;
            long drawSeed = seed * 1_000_003L + i;
            masked.add(new Shot(p, true, CameraVideos.occludeAround(p.portrait(), face, (crop, lm) -> mask.apply(crop, lm, drawSeed).image())));
        }
        plain.addAll(masked);
        return List.copyOf(plain);
    }

    /** The six group photos shipped in the pinned face-api package. */
    public static List<Path> samples(FaceApiModels models) {
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= 6; i++) out.add(models.file("demo/sample" + i + ".jpg"));
        return out;
    }

    public List<Person> enrolled() {
        return people.stream().filter(Person::enrolled).toList();
    }

    public List<Person> strangers() {
        return people.stream().filter(p -> !p.enrolled()).toList();
    }

    /**
     * Roughly facing the camera: yaw within 20 degrees, the eye line within 12 of level. The largest face of each photo
     * instead gave two tilted heads (roll 26 and 30 degrees) whose enrollments the gallery refused. Pitch is not asked:
     * its landmark estimate read 31-90 degrees on faces that look level.
     */
    static boolean frontal(float[] lm) {
        return Math.abs(FaceQuality.yawDeg(lm)) <= 20 && Math.abs(FaceQuality.rollDeg(lm)) <= 12;
    }

    static RgbImage shrink(RgbImage photo) {
        int longest = Math.max(photo.width(), photo.height());
        if (longest <= DETECT_LONG_SIDE) return photo;
        double s = DETECT_LONG_SIDE / (double) longest;
        return Images.resize(photo, (int) Math.round(photo.width() * s), (int) Math.round(photo.height() * s));
    }

    /** Head and shoulders, 3:4: 3.2 face widths wide, the face in the upper part (as a person seen by a door camera). */
    static RgbImage portrait(RgbImage photo, Box face) {
        double w = face.width() * 3.2, h = w * 4 / 3;
        return cropClamped(photo, face.x() + face.width() / 2 - w / 2, face.y() + face.height() / 2 - 0.4 * h, w, h);
    }

    /** The enrollment framing: 1.8 face sizes around the face, square (tight, so a neighbour's face stays out). */
    static RgbImage tight(RgbImage photo, Box face) {
        double side = Math.max(face.width(), face.height()) * 1.8;
        return cropClamped(photo, face.x() + face.width() / 2 - side / 2, face.y() + face.height() / 2 - side / 2, side, side);
    }

    /** The window moved (not cut) to lie inside the photo, shrunk only when larger than the photo. */
    static RgbImage cropClamped(RgbImage photo, double x, double y, double w, double h) {
        int cw = (int) Math.min(photo.width(), Math.round(w)), ch = (int) Math.min(photo.height(), Math.round(h));
        int cx = (int) Math.max(0, Math.min(photo.width() - cw, Math.round(x)));
        int cy = (int) Math.max(0, Math.min(photo.height() - ch, Math.round(y)));
        return Images.crop(photo, cx, cy, cw, ch);
    }

    static RgbImage mirrored(RgbImage img) {
        byte[] out = new byte[img.data().length];
        int w = img.width();
        for (int y = 0; y < img.height(); y++)
            for (int x = 0; x < w; x++) System.arraycopy(img.data(), (y * w + (w - 1 - x)) * 3, out, (y * w + x) * 3, 3);
        return new RgbImage(w, img.height(), out);
    }

    /** Every channel times {@code gain}, clipped (another exposure of the same scene). */
    static RgbImage relit(RgbImage img, double gain) {
        byte[] out = new byte[img.data().length];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Math.min(255, (int) Math.round((img.data()[i] & 0xff) * gain));
        return new RgbImage(img.width(), img.height(), out);
    }
}
