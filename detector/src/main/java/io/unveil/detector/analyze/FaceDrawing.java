package io.unveil.detector.analyze;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** {@code analyze --draw}: the photo with each face's box (green), 68 landmarks (red) and its label ("#1 0.91" or a name). */
public final class FaceDrawing {
    /** One face to draw: its box, landmarks (x0,y0,x1,y1,...) and the text above the box. */
    public record Mark(Box box, float[] landmarks, String label) {
    }

    private FaceDrawing() {
    }

    public static RgbImage draw(RgbImage photo, List<Mark> marks) {
        BufferedImage bi = Images.toBufferedImage(photo);
        Graphics2D g = bi.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            // line and dot sizes follow the photo, so a 2000-px photo gets visible marks and a 200-px crop thin ones
            float unit = Math.max(1f, Math.max(photo.width(), photo.height()) / 500f);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(12 * unit)));
            for (Mark m : marks) {
                Box b = m.box();
                g.setColor(Color.GREEN);
                g.setStroke(new BasicStroke(2 * unit));
                g.drawRect(Math.round(b.x()), Math.round(b.y()), Math.round(b.width()), Math.round(b.height()));
                g.setColor(Color.RED);
                int r = Math.max(1, Math.round(1.5f * unit));
                for (int k = 0; k + 1 < m.landmarks().length; k += 2)
                    g.fillOval(Math.round(m.landmarks()[k]) - r, Math.round(m.landmarks()[k + 1]) - r, 2 * r, 2 * r);
                int textY = Math.round(b.y() - 3 * unit);
                if (textY < g.getFontMetrics().getAscent()) textY = Math.round(b.y() + b.height()) + g.getFontMetrics().getAscent();
                g.setColor(Color.BLACK);
                g.drawString(m.label(), Math.round(b.x()) + 1, textY + 1);
                g.setColor(Color.GREEN);
                g.drawString(m.label(), Math.round(b.x()), textY);
            }
        } finally {
            g.dispose();
        }
        return Images.fromBufferedImage(bi);
    }
}
