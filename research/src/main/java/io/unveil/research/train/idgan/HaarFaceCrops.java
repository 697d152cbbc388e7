package io.unveil.research.train.idgan;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import io.unveil.core.config.UnveilHome;
import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.idgan.Generator;
import io.unveil.research.data.LabeledImages;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in source of 128x128 training faces while the landmark-aligned cache (detector's AlignedFaceCache) is not
 * available: OpenCV's frontal Haar cascade finds the largest face, the box is widened to roughly the FACE_128 framing
 * (brows to chin) and resized. No landmarks. Cached once under ~/.cache/unveil/idgan/haar-&lt;set&gt;.bin.
 */
public final class HaarFaceCrops {
    private static final Logger LOG = LoggerFactory.getLogger(HaarFaceCrops.class);
    private static final int MAGIC = 0x4A11C0DE;

    private HaarFaceCrops() {
    }

    public static List<TrainingFace> load(Path setDir, String setName) {
        Path cache = UnveilHome.dir().resolve("idgan").resolve("haar-" + setName + ".bin");
        try {
            if (Files.isRegularFile(cache)) return read(cache);
            List<TrainingFace> faces = build(setDir);
            Files.createDirectories(cache.getParent());
            Path tmp = cache.resolveSibling(cache.getFileName() + ".tmp");
            write(tmp, faces);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
            return faces;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build Haar face crops of " + setDir, e);
        }
    }

    static List<TrainingFace> build(Path setDir) throws IOException {
        LabeledImages set = LabeledImages.load(setDir);
        Path xml = UnveilHome.dir().resolve("idgan").resolve("haarcascade_frontalface_default.xml");
        if (!Files.isRegularFile(xml)) {
            Files.createDirectories(xml.getParent());
            try (InputStream in = CascadeClassifier.class.getResourceAsStream(
                    "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_default.xml")) {
                if (in == null) throw new IOException("Haar cascade not found inside the opencv jar");
                Files.copy(in, xml, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<TrainingFace> out = new ArrayList<>();
        int done = 0;
        try (CascadeClassifier cascade = new CascadeClassifier(xml.toString())) {
            for (LabeledImages.Item it : set.items()) {
                if (++done % 500 == 0) LOG.info("Haar crops: {}/{} images, {} faces", done, set.items().size(), out.size());
                RgbImage img;
                try {
                    img = Images.read(it.file());
                } catch (ImageDecodeException e) {
                    LOG.warn("skipping {}: {}", it.file(), e.getMessage());
                    continue;
                }
                RgbImage face = crop(cascade, img);
                if (face != null) out.add(new TrainingFace(face, null, it.identity(), setDir.relativize(it.file()).toString()));
            }
        }
        LOG.info("Haar crops: {} faces from {} images", out.size(), set.items().size());
        return out;
    }

    static RgbImage crop(CascadeClassifier cascade, RgbImage img) {
        try (Mat bgr = Images.toBgrMat(img); Mat gray = new Mat(); RectVector found = new RectVector()) {
            cvtColor(bgr, gray, COLOR_BGR2GRAY);
            equalizeHist(gray, gray);
            int min = Math.max(40, Math.min(img.width(), img.height()) / 6);
            cascade.detectMultiScale(gray, found, 1.1, 4, 0, new Size(min, min), new Size());
            Rect best = null;
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                if (best == null || r.width() * r.height() > best.width() * best.height()) best = r;
            }
            if (best == null) return null;
            double side = best.width() * 1.0;
            double cx = best.x() + best.width() / 2.0, cy = best.y() + best.height() * 0.56;
            int x0 = (int) Math.round(cx - side / 2), y0 = (int) Math.round(cy - side / 2), s = (int) Math.round(side);
            if (x0 < 0 || y0 < 0 || x0 + s > img.width() || y0 + s > img.height()) return null;
            return Images.resize(Images.crop(img, x0, y0, s, s), Generator.SIZE, Generator.SIZE);
        }
    }

    private static void write(Path file, List<TrainingFace> faces) throws IOException {
        try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            d.writeInt(MAGIC);
            d.writeInt(faces.size());
            for (TrainingFace f : faces) {
                d.writeUTF(f.identity());
                d.writeUTF(f.source());
                d.write(f.face().data());
            }
        }
    }

    private static List<TrainingFace> read(Path file) throws IOException {
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (d.readInt() != MAGIC) throw new IOException("not a Haar crop cache: " + file);
            int n = d.readInt();
            List<TrainingFace> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = d.readUTF(), src = d.readUTF();
                byte[] px = new byte[Generator.SIZE * Generator.SIZE * 3];
                d.readFully(px);
                out.add(new TrainingFace(new RgbImage(Generator.SIZE, Generator.SIZE, px), null, id, src));
            }
            return out;
        }
    }
}
