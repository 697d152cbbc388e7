package io.unveil.research.eval.inpaint;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** A grid of faces: one row per sample face, one column per method (GT | OCC | Telea | ...), titled columns. */
public final class SampleGrid {
    private static final int HEADER = 22, GAP = 4;

    private SampleGrid() {
    }

    public static BufferedImage compose(List<String> columns, List<List<RgbImage>> rows) {
        int size = 128;
        int w = columns.size() * (size + GAP) + GAP, h = HEADER + rows.size() * (size + GAP) + GAP;
        BufferedImage out = new BufferedImage(w, Math.max(h, HEADER + 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        for (int c = 0; c < columns.size(); c++) {
            String t = columns.get(c);
            int tw = g.getFontMetrics().stringWidth(t);
            g.drawString(t, GAP + c * (size + GAP) + (size - tw) / 2, 16);
        }
        for (int r = 0; r < rows.size(); r++)
            for (int c = 0; c < rows.get(r).size(); c++) {
                RgbImage img = rows.get(r).get(c);
                if (img.width() != size || img.height() != size) img = Images.resize(img, size, size);
                g.drawImage(Images.toBufferedImage(img), GAP + c * (size + GAP), HEADER + r * (size + GAP), null);
            }
        g.dispose();
        return out;
    }
}
