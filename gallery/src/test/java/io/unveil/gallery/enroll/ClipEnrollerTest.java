package io.unveil.gallery.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import io.unveil.recognize.match.Vectors;
import io.unveil.detector.align.FaceChips;
import io.unveil.recognize.testing.PatternEmbedder;
import io.unveil.recognize.testing.PatternFaces;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ClipEnrollerTest {
    /** A lossless (PNG-in-AVI) clip so the marker row the detector double reads survives encoding. */
    public static void writeClip(Path file, int frames, int blurryEvery) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toString(), 320, 320, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            r.setFormat("avi");
            r.setVideoCodec(avcodec.AV_CODEC_ID_PNG);
            r.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            r.setFrameRate(10);
            r.start();
            for (int i = 0; i < frames; i++) {
                boolean blurry = blurryEvery > 0 && i % blurryEvery == 0;
                RgbImage img = MarkedFaces.image(320, 320, i, new Spec(5, 60 + 2 * i, 60, 150, false, blurry));
                try (Mat m = Images.toBgrMat(img)) {
                    r.record(conv.convert(m));
                }
            }
            r.stop();
        }
    }

    @Test
    void followsTheFaceAndEnrollsTheBestFrames(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.avi");
        writeClip(clip, 20, 4);
        FaceChips chips = MarkedFaces.chips(new MarkedFaces.Analyzer());
        Enroller enroller = new Enroller(chips, new PatternEmbedder(), EnrollmentPolicy.defaults());
        EnrollmentResult r = new ClipEnroller(enroller, chips, 20, 6, 10).enroll(clip, null);
        assertTrue(r.ok(), r.images().toString());
        long blurry = r.images().stream().filter(o -> "blurry".equals(o.reason())).count();
        assertEquals(5, blurry, "every 4th frame is blurred: " + r.images());
        assertTrue(r.added() >= 4 && r.added() <= 6, "best 6 frames at most, minus trimming: " + r.added());
        assertTrue(Vectors.cosine(r.centroid(), PatternFaces.centroid(5)) > 0.95f);
    }

    @Test
    void notAVideoIsAClearError(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.mp4");
        Files.write(junk, "definitely not a video".getBytes());
        FaceChips chips = MarkedFaces.chips(new MarkedFaces.Analyzer());
        Enroller enroller = new Enroller(chips, new PatternEmbedder(), EnrollmentPolicy.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClipEnroller(enroller, chips, 20, 6, 10).enroll(junk, null));
        assertTrue(e.getMessage().contains("video"), e.getMessage());
    }
}
