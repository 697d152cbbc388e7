package io.unveil.inpaint.occlusion;

import io.unveil.core.image.ImageDecodeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Binary masks (one byte per pixel, 0/1) to and from greyscale PNG (0/255). */
public final class MaskImages {
    private MaskImages() {
    }

    public static byte[] encodePng(byte[] mask, int width, int height) {
        BufferedImage bi = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = new byte[width * height];
        for (int i = 0; i < px.length; i++) px[i] = mask[i] != 0 ? (byte) 255 : 0;
        bi.getRaster().setDataElements(0, 0, width, height, px);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(bi, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a mask PNG: pixels with grey level >= 128 are occluded (1). */
    public static byte[] decodePng(byte[] png, int width, int height) {
        try {
            BufferedImage bi = ImageIO.read(new ByteArrayInputStream(png));
            if (bi == null) throw new ImageDecodeException("not a PNG mask");
            if (bi.getWidth() != width || bi.getHeight() != height)
                throw new ImageDecodeException("mask is " + bi.getWidth() + "x" + bi.getHeight() + ", expected "
                        + width + "x" + height);
            byte[] m = new byte[width * height];
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++) m[y * width + x] = (byte) (((bi.getRGB(x, y) >> 8) & 0xff) >= 128 ? 1 : 0);
            return m;
        } catch (IOException e) {
            throw new ImageDecodeException("cannot decode mask PNG: " + e.getMessage());
        }
    }
}
