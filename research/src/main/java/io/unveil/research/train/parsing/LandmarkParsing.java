package io.unveil.research.train.parsing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Face-part labels derived from the 68 aligned landmarks (iBUG indexing): skin = jaw line closed over a forehead
 * raised above the brows; nose = bridge widened to the nostrils; brows = thick polylines; eyes = eye contours;
 * mouth = outer lip contour. Drawn back to front without antialiasing, one byte per pixel = {@link FaceParts} index.
 */
public final class LandmarkParsing {
    private LandmarkParsing() {
    }

    public static byte[] labels(float[] lm, int size) {
        if (lm == null || lm.length != 136) throw new IllegalArgumentException("expected 68 landmarks (136 floats)");
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(new Color(FaceParts.BACKGROUND, FaceParts.BACKGROUND, FaceParts.BACKGROUND));
        g.fillRect(0, 0, size, size);

        double browY = 0, browX = 0;
        for (int i = 17; i <= 26; i++) {
            browX += x(lm, i);
            browY += y(lm, i);
        }
        browX /= 10;
        browY /= 10;
        double lift = 0.7 * Math.max(1, y(lm, 30) - browY); // forehead height ~ brow-to-nose-tip distance

        Path2D skin = new Path2D.Double();
        skin.moveTo(x(lm, 0), y(lm, 0));
        for (int i = 1; i <= 16; i++) skin.lineTo(x(lm, i), y(lm, i));
        for (int i = 26; i >= 17; i--) {
            double dx = x(lm, i) - browX;
            skin.lineTo(browX + dx * 1.05, y(lm, i) - lift);
        }
        skin.closePath();
        fill(g, skin, FaceParts.SKIN);

        double nostrils = Math.hypot(x(lm, 35) - x(lm, 31), y(lm, 35) - y(lm, 31));
        Path2D nose = new Path2D.Double();
        nose.moveTo(x(lm, 27) - 0.2 * nostrils, y(lm, 27));
        nose.lineTo(x(lm, 31) - 0.1 * nostrils, y(lm, 31));
        for (int i = 32; i <= 34; i++) nose.lineTo(x(lm, i), y(lm, i) + 1);
        nose.lineTo(x(lm, 35) + 0.1 * nostrils, y(lm, 35));
        nose.lineTo(x(lm, 27) + 0.2 * nostrils, y(lm, 27));
        nose.closePath();
        fill(g, nose, FaceParts.NOSE);

        double eyeWidth = Math.hypot(x(lm, 39) - x(lm, 36), y(lm, 39) - y(lm, 36));
        g.setStroke(new BasicStroke((float) Math.max(2, 0.3 * eyeWidth), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(gray(FaceParts.BROWS));
        g.draw(polyline(lm, 17, 21, false));
        g.draw(polyline(lm, 22, 26, false));

        g.setStroke(new BasicStroke(1f));
        for (int[] eye : new int[][] {{36, 41}, {42, 47}}) {
            Path2D e = polyline(lm, eye[0], eye[1], true);
            fill(g, e, FaceParts.EYES);
            g.draw(e);
        }
        Path2D mouth = polyline(lm, 48, 59, true);
        fill(g, mouth, FaceParts.MOUTH);
        g.draw(mouth);
        g.dispose();
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        return px.clone();
    }

    private static void fill(Graphics2D g, Path2D p, int label) {
        g.setColor(gray(label));
        g.fill(p);
    }

    private static Color gray(int v) {
        return new Color(v, v, v);
    }

    private static Path2D polyline(float[] lm, int from, int to, boolean closed) {
        Path2D p = new Path2D.Double();
        p.moveTo(x(lm, from), y(lm, from));
        for (int i = from + 1; i <= to; i++) p.lineTo(x(lm, i), y(lm, i));
        if (closed) p.closePath();
        return p;
    }

    private static double x(float[] lm, int i) {
        return lm[2 * i];
    }

    private static double y(float[] lm, int i) {
        return lm[2 * i + 1];
    }
}
