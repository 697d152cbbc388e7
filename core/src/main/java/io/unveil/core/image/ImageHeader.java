package io.unveil.core.image;

/**
 * Reads the declared width and height from PNG and JPEG headers before any pixel is decoded, so a tiny file that
 * declares a gigantic image (a decompression bomb) is refused without allocating it. Untrusted bytes in any other
 * format are refused too: OpenCV recognises many formats by weak signatures, and fuzzing showed random bytes decoding
 * as a 7048x4392 image (363 KB in, 93 MB allocated), beyond the reach of a header check.
 */
public final class ImageHeader {
    private ImageHeader() {
    }

    public static void check(byte[] b, int maxSide, long maxPixels) {
        int[] wh = dimensions(b);
        if (wh == null) throw new ImageDecodeException("not a JPEG or PNG image, or its header is cut short (" + b.length + " bytes)");
        if (wh[0] <= 0 || wh[1] <= 0) throw new ImageDecodeException("image declares size " + wh[0] + "x" + wh[1]);
        if (wh[0] > maxSide || wh[1] > maxSide || (long) wh[0] * wh[1] > maxPixels)
            throw new ImageDecodeException("image declares " + wh[0] + "x" + wh[1] + " pixels, over the limit of "
                    + maxSide + " per side / " + maxPixels + " in all");
    }

    /** {width, height} from a PNG or JPEG header, or null when the format is neither or the header is cut short. */
    public static int[] dimensions(byte[] b) {
        if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return new int[]{int32(b, 16), int32(b, 20)};
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            int i = 2;
            while (i + 9 < b.length) {
                if ((b[i] & 0xff) != 0xFF) return null;
                int marker = b[i + 1] & 0xff;
                int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
                boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (sof) {
                    int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                    int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                    return new int[]{w, h};
                }
                if (len < 2) return null;
                i += 2 + len;
            }
        }
        return null;
    }

    private static int int32(byte[] b, int o) {
        return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }
}
