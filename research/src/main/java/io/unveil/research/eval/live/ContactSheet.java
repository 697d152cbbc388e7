package io.unveil.research.eval.live;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * The live test's contact sheet: one row per segment with the photo as the camera showed it, the aligned face the
 * pipeline saw (the deciding event's thumbnail, else the segment's first face), the repaired face when the inpaint
 * role repaired it, and the decision.
 */
public final class ContactSheet {
    static final int CELL = 96, GAP = 4, HEADER = 20, TEXT_WIDTH = 430;
    private static final String[] COLUMNS = {"shown", "seen", "repaired", "decision"};

    private ContactSheet() {
    }

    /** @param shown the photo of each segment as drawn into the video (same order as {@code results}) */
    public static BufferedImage compose(List<SegmentResult> results, List<RgbImage> shown) {
        int w = 3 * (CELL + GAP) + TEXT_WIDTH + GAP, h = HEADER + results.size() * (CELL + GAP) + GAP;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        for (int c = 0; c < COLUMNS.length; c++) g.drawString(COLUMNS[c], GAP + c * (CELL + GAP), 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int r = 0; r < results.size(); r++) {
            SegmentResult s = results.get(r);
            int y = HEADER + r * (CELL + GAP);
            cell(g, fit(shown.get(r)), GAP, y);
            cell(g, png(s.alignedPng()), GAP + CELL + GAP, y);
            cell(g, png(s.repairedPng()), GAP + 2 * (CELL + GAP), y);
            int x = GAP + 3 * (CELL + GAP);
            g.setColor(color(s));
            g.drawString(String.format(Locale.ROOT, "#%d %s: %s", s.segment().index(), s.decision().label().toUpperCase(Locale.ROOT),
                    s.namedName() != null ? s.namedName() : ""), x, y + 18);
            g.setColor(Color.BLACK);
            Segment seg = s.segment();
            g.drawString(String.format(Locale.ROOT, "%s (%s), %s", seg.identity(), seg.enrolled() ? "enrolled" : "stranger",
                    seg.occluded() ? seg.occluder() : "plain"), x, y + 36);
            g.drawString(String.format(Locale.ROOT, "similarity %s, first right after %s", Double.isNaN(s.similarity()) ? "-" : String.format(Locale.ROOT, "%.2f", s.similarity()),
                    Double.isNaN(s.firstRightSeconds()) ? "-" : String.format(Locale.ROOT, "%.1f s", s.firstRightSeconds())), x, y + 54);
            g.drawString(String.format(Locale.ROOT, "%d faces, %d tracks, %d events%s; frames %d-%d", s.faces(), s.tracks(), s.events(),
                    s.inpainted() ? ", inpainted" : "", seg.startFrame(), seg.endFrame() - 1), x, y + 72);
        }
        g.dispose();
        return out;
    }

    private static Color color(SegmentResult s) {
        boolean right = s.segment().enrolled() ? s.decision() == Decision.CORRECT : s.decision() == Decision.UNKNOWN;
        if (right) return new Color(0, 120, 0);
        return s.decision() == Decision.WRONG ? new Color(190, 0, 0) : new Color(150, 100, 0);
    }

    private static RgbImage png(byte[] png) {
        if (png == null) return null;
        try {
            return Images.decode(png);
        } catch (RuntimeException e) {
            return null; // a thumbnail that does not decode leaves its cell empty
        }
    }

    private static RgbImage fit(RgbImage img) {
        double s = Math.min(CELL / (double) img.width(), CELL / (double) img.height());
        return Images.resize(img, Math.max(1, (int) (img.width() * s)), Math.max(1, (int) (img.height() * s)));
    }

    private static void cell(Graphics2D g, RgbImage img, int x, int y) {
        g.setColor(new Color(230, 230, 230));
        g.fillRect(x, y, CELL, CELL);
        if (img == null) return;
        if (img.width() > CELL || img.height() > CELL) img = fit(img);
        g.drawImage(Images.toBufferedImage(img), x + (CELL - img.width()) / 2, y + (CELL - img.height()) / 2, null);
    }
}
