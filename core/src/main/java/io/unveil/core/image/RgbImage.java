package io.unveil.core.image;

/** An 8-bit RGB image, row-major, interleaved (r,g,b). The project's plain-Java image type. */
public record RgbImage(int width, int height, byte[] data) {
    public RgbImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        if (data == null || data.length != width * height * 3)
            throw new IllegalArgumentException("expected " + (width * height * 3) + " bytes for " + width + "x" + height
                    + " RGB, got " + (data == null ? 0 : data.length));
    }

    public int r(int x, int y) {
        return data[(y * width + x) * 3] & 0xff;
    }

    public int g(int x, int y) {
        return data[(y * width + x) * 3 + 1] & 0xff;
    }

    public int b(int x, int y) {
        return data[(y * width + x) * 3 + 2] & 0xff;
    }
}
