package io.unveil.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class ImagesTest {
    static RgbImage pattern(int w, int h) {
        byte[] d = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                d[o] = (byte) (x * 7);
                d[o + 1] = (byte) (y * 5);
                d[o + 2] = (byte) ((x + y) * 3);
            }
        }
        return new RgbImage(w, h, d);
    }

    @Test
    void pngIsLossless() {
        RgbImage img = pattern(33, 21);
        RgbImage back = Images.decode(Images.encodePng(img));
        assertEquals(33, back.width());
        assertEquals(21, back.height());
        assertArrayEquals(img.data(), back.data(), "channel order survives (RGB, not BGR)");
    }

    @Test
    void jpegIsClose() {
        RgbImage img = pattern(64, 48);
        RgbImage back = Images.decode(Images.encodeJpeg(img, 95));
        long err = 0;
        for (int i = 0; i < img.data().length; i++) err += Math.abs((img.data()[i] & 0xff) - (back.data()[i] & 0xff));
        assertTrue(err / (double) img.data().length < 6, "mean abs error " + err / (double) img.data().length);
        assertArrayEquals(new int[]{64, 48}, ImageHeader.dimensions(Images.encodeJpeg(img, 80)));
    }

    @Test
    void bufferedImageCropAndResize() {
        RgbImage img = pattern(40, 30);
        assertArrayEquals(img.data(), Images.fromBufferedImage(Images.toBufferedImage(img)).data());
        RgbImage c = Images.crop(img, 35, 25, 10, 10);
        assertEquals(5, c.width());
        assertEquals(5, c.height());
        assertEquals(img.r(35, 25), c.r(0, 0));
        RgbImage r = Images.resize(img, 20, 15);
        assertEquals(20, r.width());
        assertThrows(IllegalArgumentException.class, () -> Images.crop(img, 50, 50, 5, 5));
    }

    @Test
    void garbageAndEmptyAreClearErrors() {
        assertThrows(ImageDecodeException.class, () -> Images.decode(new byte[0]));
        assertThrows(ImageDecodeException.class, () -> Images.decode(null));
        var e = assertThrows(ImageDecodeException.class, () -> Images.decode("hello".getBytes()));
        assertTrue(e.getMessage().contains("not a JPEG or PNG image"), e.getMessage());
        byte[] png = Images.encodePng(pattern(20, 20));
        assertThrows(ImageDecodeException.class, () -> Images.decode(Arrays.copyOf(png, 30)));
    }

    @Test
    void decompressionBombIsRefusedBeforeDecoding() throws Exception {
        // a valid, tiny PNG that declares 30000 x 30000 pixels
        byte[] bomb = png(30_000, 30_000);
        assertTrue(bomb.length < 2_000);
        assertArrayEquals(new int[]{30_000, 30_000}, ImageHeader.dimensions(bomb));
        var e = assertThrows(ImageDecodeException.class, () -> Images.decode(bomb));
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
        // and a JPEG header declaring 65000 x 65000
        byte[] jpeg = Images.encodeJpeg(pattern(16, 16), 90);
        byte[] big = patchJpegSize(jpeg, 65_000, 65_000);
        assertArrayEquals(new int[]{65_000, 65_000}, ImageHeader.dimensions(big));
        assertThrows(ImageDecodeException.class, () -> Images.decode(big));
        assertThrows(ImageDecodeException.class, () -> ImageHeader.check(png(0, 5), 100, 100));
    }

    private static byte[] patchJpegSize(byte[] jpeg, int w, int h) {
        byte[] b = jpeg.clone();
        int i = 2;
        while (i + 9 < b.length) {
            int marker = b[i + 1] & 0xff;
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker == 0xC0 || marker == 0xC2) {
                b[i + 5] = (byte) (h >> 8);
                b[i + 6] = (byte) h;
                b[i + 7] = (byte) (w >> 8);
                b[i + 8] = (byte) w;
                return b;
            }
            i += 2 + len;
        }
        throw new AssertionError("no SOF marker");
    }

    /** A real PNG of a given declared size whose IDAT holds only a few rows (enough for the header check). */
    static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater d = new Deflater();
        d.setInput(new byte[1024]);
        d.finish();
        byte[] buf = new byte[2048];
        int n = d.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes();
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void padReplicateRepeatsTheEdges() {
        RgbImage img = new RgbImage(2, 1, new byte[] {10, 20, 30, 40, 50, 60});
        RgbImage p = Images.padReplicate(img, 2);
        assertEquals(6, p.width());
        assertEquals(5, p.height());
        assertEquals(10, p.r(0, 0), "corner repeats the top-left pixel");
        assertEquals(40, p.r(5, 4), "corner repeats the bottom-right pixel");
        assertEquals(10, p.r(2, 2), "the image sits in the middle");
        assertEquals(60, p.b(3, 2));
    }
}
