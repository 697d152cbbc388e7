package io.unveil.core.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Decoding, encoding and conversion between byte streams, OpenCV mats and {@link RgbImage}. */
public final class Images {
    /** Largest side accepted from untrusted input (protects against decompression bombs). */
    public static final int MAX_SIDE = 8192;
    public static final long MAX_PIXELS = 40_000_000L;

    private Images() {
    }

    /** A local image file (datasets): JPEG and PNG with the size guard, other formats OpenCV reads (PGM, BMP) as is. */
    public static RgbImage read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return ImageHeader.dimensions(bytes) == null ? decodeAny(bytes) : decode(bytes);
        } catch (IOException e) {
            throw new ImageDecodeException("cannot read " + file + ": " + e.getMessage());
        } catch (ImageDecodeException e) {
            throw new ImageDecodeException(file + ": " + e.getMessage());
        }
    }

    /**
     * Decodes untrusted bytes: JPEG or PNG only, declared size within {@link #MAX_SIDE}/{@link #MAX_PIXELS} (greyscale
     * and 4-channel are converted to RGB). Never returns null; anything else is an {@link ImageDecodeException}.
     */
    public static RgbImage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new ImageDecodeException("empty image bytes");
        ImageHeader.check(bytes, MAX_SIDE, MAX_PIXELS);
        return decodeAny(bytes);
    }

    private static RgbImage decodeAny(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new ImageDecodeException("empty image bytes");
        try (Mat buf = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1);
             Mat bgr = new Mat()) {
            buf.data().put(bytes);
            imdecode(buf, IMREAD_COLOR, bgr);
            if (bgr.empty() || bgr.cols() <= 0 || bgr.rows() <= 0)
                throw new ImageDecodeException("not a decodable image (" + bytes.length + " bytes)");
            return fromBgrMat(bgr);
        }
    }

    public static RgbImage fromBgrMat(Mat bgr) {
        if (bgr.type() != CV_8UC3) throw new ImageDecodeException("expected an 8-bit 3-channel mat, got type " + bgr.type());
        try (Mat rgb = new Mat()) {
            cvtColor(bgr, rgb, COLOR_BGR2RGB);
            byte[] out = new byte[rgb.cols() * rgb.rows() * 3];
            Mat cont = rgb.isContinuous() ? rgb : rgb.clone();
            cont.data().get(out);
            return new RgbImage(rgb.cols(), rgb.rows(), out);
        }
    }

    /** A new BGR mat holding a copy of the image; the caller closes it. */
    public static Mat toBgrMat(RgbImage img) {
        try (Mat rgb = new Mat(img.height(), img.width(), CV_8UC3)) {
            rgb.data().put(img.data());
            Mat bgr = new Mat();
            cvtColor(rgb, bgr, COLOR_RGB2BGR);
            return bgr;
        }
    }

    public static byte[] encodePng(RgbImage img) {
        return encode(img, ".png", null);
    }

    public static byte[] encodeJpeg(RgbImage img, int quality) {
        return encode(img, ".jpg", new int[]{IMWRITE_JPEG_QUALITY, quality});
    }

    private static byte[] encode(RgbImage img, String ext, int[] params) {
        try (Mat bgr = toBgrMat(img); BytePointer out = new BytePointer();
             IntPointer p = new IntPointer(params == null ? new int[0] : params)) {
            if (!imencode(new BytePointer(ext), bgr, out, p)) throw new IllegalStateException("OpenCV could not encode " + ext);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /** Bilinear resize (area filter when shrinking). */
    public static RgbImage resize(RgbImage img, int width, int height) {
        if (img.width() == width && img.height() == height) return img;
        try (Mat src = new Mat(img.height(), img.width(), CV_8UC3); Mat dst = new Mat()) {
            src.data().put(img.data());
            boolean shrink = width < img.width() && height < img.height();
            org.bytedeco.opencv.global.opencv_imgproc.resize(src, dst, new Size(width, height), 0, 0, shrink ? INTER_AREA : INTER_LINEAR);
            byte[] out = new byte[width * height * 3];
            dst.data().get(out);
            return new RgbImage(width, height, out);
        }
    }

    public static BufferedImage toBufferedImage(RgbImage img) {
        BufferedImage bi = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        int[] px = new int[img.width() * img.height()];
        byte[] d = img.data();
        for (int i = 0; i < px.length; i++) {
            px[i] = (d[3 * i] & 0xff) << 16 | (d[3 * i + 1] & 0xff) << 8 | (d[3 * i + 2] & 0xff);
        }
        bi.setRGB(0, 0, img.width(), img.height(), px, 0, img.width());
        return bi;
    }

    public static RgbImage fromBufferedImage(BufferedImage bi) {
        int w = bi.getWidth(), h = bi.getHeight();
        int[] px = bi.getRGB(0, 0, w, h, null, 0, w);
        byte[] d = new byte[w * h * 3];
        for (int i = 0; i < px.length; i++) {
            d[3 * i] = (byte) (px[i] >> 16);
            d[3 * i + 1] = (byte) (px[i] >> 8);
            d[3 * i + 2] = (byte) px[i];
        }
        return new RgbImage(w, h, d);
    }

    /** The left-right mirror image (used as augmentation by the trainers: alignment fixes every other geometry). */
    public static RgbImage mirror(RgbImage img) {
        int w = img.width(), h = img.height();
        byte[] d = img.data(), o = new byte[d.length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) System.arraycopy(d, (y * w + x) * 3, o, (y * w + (w - 1 - x)) * 3, 3);
        return new RgbImage(w, h, o);
    }

    /** Copies a rectangle (clipped to the image). */
    public static RgbImage crop(RgbImage img, int x, int y, int w, int h) {
        int x0 = Math.max(0, x), y0 = Math.max(0, y);
        int x1 = Math.min(img.width(), x + w), y1 = Math.min(img.height(), y + h);
        if (x1 <= x0 || y1 <= y0) throw new IllegalArgumentException("crop outside the image");
        int cw = x1 - x0, ch = y1 - y0;
        byte[] out = new byte[cw * ch * 3];
        ByteBuffer src = ByteBuffer.wrap(img.data());
        for (int r = 0; r < ch; r++) {
            src.position(((y0 + r) * img.width() + x0) * 3);
            src.get(out, r * cw * 3, cw * 3);
        }
        return new RgbImage(cw, ch, out);
    }

    /** The image with {@code px} pixels added on every side, each border pixel repeating the nearest edge pixel. */
    public static RgbImage padReplicate(RgbImage img, int px) {
        if (px < 0) throw new IllegalArgumentException("negative padding");
        int w = img.width() + 2 * px, h = img.height() + 2 * px;
        byte[] out = new byte[w * h * 3];
        byte[] src = img.data();
        for (int y = 0; y < h; y++) {
            int sy = Math.min(img.height() - 1, Math.max(0, y - px));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(img.width() - 1, Math.max(0, x - px));
                int o = (y * w + x) * 3, so = (sy * img.width() + sx) * 3;
                out[o] = src[so];
                out[o + 1] = src[so + 1];
                out[o + 2] = src[so + 2];
            }
        }
        return new RgbImage(w, h, out);
    }
}
