package io.unveil.inpaint.occlusion;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;

/** Rasterizes shapes by pixel-centre containment (optionally supersampled coverage). */
public final class Raster {
    private Raster() {
    }

    public static byte[] rasterize(Shape s, int w, int h) {
        byte[] m = new byte[w * h];
        Rectangle2D b = s.getBounds2D();
        int x0 = Math.max(0, (int) Math.floor(b.getMinX())), x1 = Math.min(w - 1, (int) Math.ceil(b.getMaxX()));
        int y0 = Math.max(0, (int) Math.floor(b.getMinY())), y1 = Math.min(h - 1, (int) Math.ceil(b.getMaxY()));
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++)
                if (s.contains(x + 0.5, y + 0.5)) m[y * w + x] = 1;
        return m;
    }

    /** Coverage in [0,1] per pixel (Java2D anti-aliased fill). */
    public static float[] coverage(Shape s, int w, int h) {
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = bi.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_STROKE_CONTROL, java.awt.RenderingHints.VALUE_STROKE_PURE);
            g.setColor(java.awt.Color.WHITE);
            g.fill(s);
        } finally {
            g.dispose();
        }
        byte[] px = ((java.awt.image.DataBufferByte) bi.getRaster().getDataBuffer()).getData();
        float[] c = new float[w * h];
        for (int i = 0; i < c.length; i++) c[i] = (px[i] & 0xff) / 255f;
        return c;
    }
}
