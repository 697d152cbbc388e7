package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;

/** An occluded aligned face and its hole mask (row-major, true = occluded pixel). */
public record Occluded(RgbImage image, boolean[] mask) {
    public Occluded {
        if (mask.length != image.width() * image.height())
            throw new IllegalArgumentException("mask size " + mask.length + " does not match the image " + image.width() + "x" + image.height());
    }

    public double ratio() {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        return (double) n / mask.length;
    }
}
