package io.unveil.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** {@link Images#decode} on untrusted bytes: JPEG and PNG within the size limits, nothing else. */
class UntrustedDecodeTest {
    private static final RgbImage IMG = new RgbImage(4, 3, new byte[4 * 3 * 3]);

    @Test
    void jpegAndPngDecode() {
        assertEquals(4, Images.decode(Images.encodeJpeg(IMG, 90)).width());
        assertEquals(3, Images.decode(Images.encodePng(IMG)).height());
    }

    @Test
    void randomBytesThatOpenCvWouldDecodeAsAHugeImageAreRefused() {
        // The deploy fuzz test found random bytes starting so (363 KB) that OpenCV decoded as a 7048x4392 image.
        byte[] blob = new byte[4096];
        new Random(1).nextBytes(blob);
        byte[] head = java.util.HexFormat.of().parseHex("2f87db49045d2531bcee3691d4d97e7b");
        System.arraycopy(head, 0, blob, 0, head.length);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> Images.decode(blob));
        assertTrue(e.getMessage().contains("not a JPEG or PNG"), e.getMessage());
    }

    @Test
    void declaredBombsAreRefusedBeforeDecoding() {
        byte[] png = Images.encodePng(IMG);
        ByteBuffer bb = ByteBuffer.wrap(png);
        bb.putInt(16, 100_000);
        bb.putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        bb.putInt(29, (int) crc.getValue());
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> Images.decode(png));
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
    }

    @Test
    void otherFormatsAndCutHeadersAreRefused() {
        byte[] bmp = new byte[64];
        bmp[0] = 'B';
        bmp[1] = 'M';
        assertThrows(ImageDecodeException.class, () -> Images.decode(bmp));
        byte[] jpeg = Images.encodeJpeg(IMG, 90);
        assertThrows(ImageDecodeException.class, () -> Images.decode(java.util.Arrays.copyOf(jpeg, 6)));
        assertThrows(ImageDecodeException.class, () -> Images.decode(new byte[0]));
    }
}
