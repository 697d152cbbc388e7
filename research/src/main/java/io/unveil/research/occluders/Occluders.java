package io.unveil.research.occluders;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.FaceOutlines;
import io.unveil.inpaint.occlusion.Geometry;
import io.unveil.inpaint.occlusion.Landmarks;
import io.unveil.research.data.SharedData;
import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic occluders on aligned faces with exact ground-truth masks, reproducible from a seed.
 *
 * <p>Every occluder is drawn in the face frame (origin between the eyes, x along the eye axis, unit = interocular
 * distance d) from the 68 landmarks, so it lands on the intended region whatever the face's scale or roll. Random
 * colour, texture, scale, rotation, blur, lighting and noise vary per seed. The mask holds exactly the pixels whose
 * value may differ from the input (see {@link Layer#MASK_ALPHA}); all others are bit-identical.
 *
 * <p>Thread-safe: instances hold only immutable textures and patch sources.
 */
public final class Occluders {
    /** The paper's block side at 128 px. */
    public static final int BLOCK = 48;

    private static volatile Occluders standard;

    private final MaskTextures textures;
    private final PatchSource patches;

    public Occluders(MaskTextures textures, PatchSource patches) {
        this.textures = textures == null ? MaskTextures.none() : textures;
        this.patches = patches == null ? PatchSource.NONE : patches;
    }

    /** Mask textures from {@code <shared data>/occluders} when present (procedural masks otherwise), no patches. */
    public static Occluders standard() {
        Occluders s = standard;
        if (s == null) {
            synchronized (Occluders.class) {
                if (standard == null)
                    standard = new Occluders(MaskTextures.load(SharedData.root().map(r -> r.resolve("occluders"))
                            .orElse(null)), PatchSource.NONE);
                s = standard;
            }
        }
        return s;
    }

    /** {@link #draw} with {@link #standard()}. */
    public static Occluded apply(RgbImage face, float[] landmarks, OccluderType type, long seed) {
        return standard().draw(face, landmarks, type, seed);
    }

    public Occluders withPatches(PatchSource p) {
        return new Occluders(textures, p);
    }

    public boolean hasMaskTextures() {
        return !textures.isEmpty();
    }

    /**
     * Draws one occluder.
     *
     * @param face      aligned face (FACE_128: 128x128)
     * @param landmarks 68 (x, y) pairs in the face's pixel coordinates
     */
    public Occluded draw(RgbImage face, float[] landmarks, OccluderType type, long seed) {
        Landmarks lm = new Landmarks(landmarks);
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + type.ordinal());
        Layer layer = new Layer(face.width(), face.height());
        Ctx c = new Ctx(layer, lm, rng, face.width());
        switch (type) {
            case BLOCK_RANDOM_48 -> {
                int m = blockSide(face.width());
                int x = rng.nextInt(face.width() - m + 1), y = rng.nextInt(face.height() - m + 1);
                layer.fill(new Rectangle2D.Double(x, y, m, m), Paints.solid(0xffffff), 1f);
                return layer.composite(face, type);
            }
            case BLOCK_CENTER -> {
                int m = blockSide(face.width());
                layer.fill(new Rectangle2D.Double((face.width() - m) / 2, (face.height() - m) / 2, m, m),
                        Paints.solid(0xffffff), 1f);
                return layer.composite(face, type);
            }
            case MEDICAL_MASK -> {
                if (!textures.isEmpty() && rng.nextInt(5) != 0) textureMask(c);
                else proceduralMask(c, true);
            }
            case CLOTH_MASK -> {
                int kind = rng.nextInt(6);
                if (kind < 2) skinLikeMask(c, face);
                else if (kind < 4) printedMask(c, patches.patch(rng));
                else proceduralMask(c, false);
            }
            case SUNGLASSES -> glasses(c, true);
            case GLASSES -> glasses(c, false);
            case HAND -> hand(c);
            case SCARF -> scarf(c);
            case HAT_HAIR -> {
                if (rng.nextBoolean()) hat(c);
                else hair(c);
            }
            case PHONE_MIC -> {
                if (rng.nextBoolean()) phone(c);
                else microphone(c);
            }
            case RANDOM_OBJECT -> object(c, patches.patch(rng));
            case RANDOM_TEXTURE -> object(c, null);
        }
        finish(c);
        return layer.composite(face, type);
    }

    static int blockSide(int size) {
        return Math.round(BLOCK * size / 128f);
    }

    /** Drawing context: layer, landmarks, random source, face frame. */
    private static final class Ctx {
        final Layer layer;
        final Landmarks lm;
        final SplittableRandom rng;
        final AffineTransform toImage;
        final double d;
        final int size;

        Ctx(Layer layer, Landmarks lm, SplittableRandom rng, int size) {
            this.layer = layer;
            this.lm = lm;
            this.rng = rng;
            this.toImage = lm.faceToImage();
            this.d = lm.eyeDistance();
            this.size = size;
        }

        double u(double lo, double hi) {
            return lo + rng.nextDouble() * (hi - lo);
        }

        Shape img(Shape local) {
            return toImage.createTransformedShape(local);
        }

        Point2D.Double local(int i) {
            return lm.local(i);
        }

        void fill(Shape local, Layer.Paint paint, double opacity) {
            layer.fill(img(local), paint, (float) opacity);
        }

        /** Paint defined in face-frame coordinates. */
        Layer.Paint localPaint(Layer.Paint p) {
            AffineTransform inv;
            try {
                inv = toImage.createInverse();
            } catch (NoninvertibleTransformException e) {
                throw new IllegalStateException(e);
            }
            return (x, y) -> {
                Point2D q = inv.transform(new Point2D.Double(x, y), null);
                return p.rgb(q.getX(), q.getY());
            };
        }
    }

    private static void finish(Ctx c) {
        c.layer.light(c.u(0.72, 1.2), c.u(-0.35, 0.35), c.u(0, 2 * Math.PI));
        c.layer.noise(c.rng, c.u(0, 0.03));
        c.layer.blur(c.rng.nextInt(3) == 0 ? 0 : c.u(0.3, 1.1));
    }

    // ---- face masks -------------------------------------------------------------------------------------------

    private void textureMask(Ctx c) {
        MaskTextures.Texture tex = textures.get(c.rng.nextInt(textures.size()));
        double left = c.local(0).x - c.u(0.05, 0.2) * c.d, right = c.local(16).x + c.u(0.05, 0.2) * c.d;
        double top = c.local(28).y + c.u(-0.12, 0.12) * c.d, bottom = c.local(8).y + c.u(0.0, 0.2) * c.d;
        double shift = (c.local(30).x - (c.local(0).x + c.local(16).x) / 2) * c.u(0.3, 0.8);
        boolean recolour = c.rng.nextInt(3) == 0;
        int tint = Paints.randomColor(c.rng);
        AffineTransform inv;
        try {
            inv = c.toImage.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalStateException(e);
        }
        double l = left + shift, r = right + shift;
        c.layer.fill((x, y) -> {
            Point2D q = inv.transform(new Point2D.Double(x, y), null);
            int argb = tex.sample((q.getX() - l) / (r - l), (q.getY() - top) / (bottom - top));
            if (recolour && (argb >>> 24) > 0) {
                double lum = (0.3 * ((argb >> 16) & 0xff) + 0.59 * ((argb >> 8) & 0xff) + 0.11 * (argb & 0xff)) / 255;
                argb = (argb & 0xff000000) | Paints.scale(tint, 0.4 + 0.8 * lum);
            }
            return argb;
        });
    }

    /** The nose-to-chin region following the jaw line, in face-frame coordinates (shared with the runtime's occluders). */
    private static Path2D.Double lowerFace(Ctx c, double top, double grow) {
        return FaceOutlines.lowerFace(c.lm, top, grow);
    }

    private static void proceduralMask(Ctx c, boolean medical) {
        double top = (medical ? c.local(28).y : c.local(28).y + (c.local(29).y - c.local(28).y) * c.rng.nextDouble())
                + c.u(-0.08, 0.1) * c.d;
        Path2D.Double shape = lowerFace(c, top, c.u(1.02, 1.12));
        Layer.Paint paint;
        if (medical) {
            int base = Paints.jitter(Paints.pick(Paints.MEDICAL, c.rng), c.rng, 0.1);
            paint = c.localPaint(Paints.pleats(base, c.u(0.12, 0.2) * c.d, c.u(-0.05, 0.05)));
        } else {
            paint = Paints.randomTexture(c.rng);
        }
        c.fill(shape, paint, 1);
        // ear loops
        int loop = medical ? 0xf0f0f0 : Paints.randomColor(c.rng);
        BasicStroke s = new BasicStroke((float) (c.u(0.03, 0.05) * c.d));
        for (int[] side : new int[][]{{1, 0, 3}, {15, 16, 13}}) {
            Path2D.Double p = new Path2D.Double();
            Point2D.Double a = c.local(side[0]), e = c.local(side[1]), b = c.local(side[2]);
            p.moveTo(a.x, top + 0.15 * c.d);
            p.lineTo(e.x, e.y);
            p.lineTo(b.x, b.y);
            c.fill(s.createStrokedShape(p), Paints.solid(loop), 1);
        }
    }

    /**
     * A cloth mask close to the wearer's own skin tone (pink, peach, cream), optionally printed with dots: real masks
     * like these are the estimator's hardest case, because colour alone does not separate them from the face.
     */
    private static void skinLikeMask(Ctx c, RgbImage face) {
        int skin = cheekColour(face, c.lm);
        int base = Paints.jitter(Paints.mix(skin, Paints.pick(Paints.PASTEL, c.rng), c.u(0.15, 0.6)), c.rng, 0.08);
        Path2D.Double shape = clothOutline(c).shape();
        Layer.Paint paint = switch (c.rng.nextInt(3)) {
            case 0 -> Paints.solid(base);
            case 1 -> c.localPaint(Paints.pleats(base, c.u(0.12, 0.2) * c.d, c.u(-0.05, 0.05)));
            default -> Paints.dots(base, c.rng.nextBoolean() ? Paints.randomColor(c.rng) : Paints.scale(base, 0.8),
                    5 + c.rng.nextDouble() * 8, 1 + c.rng.nextDouble() * 2.5);
        };
        c.fill(shape, paint, 1);
    }

    /**
     * A cloth mask with a print: a photo (a patch cut from another picture: flowers, fabric, a printed face), or a
     * cartoon — an animal snout, a big mouth or large flowers — on a pastel or random base. Real masks like these
     * (pig-nose, panda, printed-smile, floral) were a frequent miss on real photos: no single colour or texture.
     * Every print lies inside the mask's outline, so the ground-truth mask is that outline.
     */
    private static void printedMask(Ctx c, RgbImage patch) {
        ClothOutline outline = clothOutline(c);
        Path2D.Double shape = outline.shape();
        double top = outline.top();
        if (patch != null && c.rng.nextBoolean()) {
            Point2D centre = c.toImage.transform(new Point2D.Double(c.local(62).x, (top + c.local(8).y) / 2), null);
            c.fill(shape, Paints.image(patch, centre.getX(), centre.getY(), c.u(0.8, 2.5) * c.size / 128.0, c.u(-0.3, 0.3)), 1);
            return;
        }
        int base = c.rng.nextBoolean() ? Paints.jitter(Paints.pick(Paints.PASTEL, c.rng), c.rng, 0.1) : Paints.randomColor(c.rng);
        c.fill(shape, Paints.solid(base), 1);
        Area inside = new Area(shape);
        Point2D.Double mouth = c.local(62), nose = c.local(33);
        double w = c.d;
        int ink = c.rng.nextInt(3) == 0 ? Paints.scale(base, c.u(0.4, 0.7)) : Paints.randomColor(c.rng);
        switch (c.rng.nextInt(3)) {
            case 0 -> { // snout with two nostrils (pig, bear, dog)
                double sw = c.u(0.45, 0.8) * w, sh = sw * c.u(0.55, 0.85);
                double cy = (nose.y + mouth.y) / 2;
                c.fill(inside(new Area(new Ellipse2D.Double(mouth.x - sw / 2, cy - sh / 2, sw, sh)), inside), Paints.solid(ink), 1);
                int hole = Paints.scale(ink, c.u(0.2, 0.5));
                for (int side : new int[]{-1, 1}) {
                    double nx = mouth.x + side * sw * 0.2, nr = sw * c.u(0.08, 0.14);
                    c.fill(inside(new Area(new Ellipse2D.Double(nx - nr, cy - nr * 1.3, 2 * nr, 2.6 * nr)), inside), Paints.solid(hole), 1);
                }
            }
            case 1 -> { // a big printed mouth or smile
                double mw = c.u(0.6, 1.1) * w, mh = mw * c.u(0.25, 0.6);
                Shape lips = new Ellipse2D.Double(mouth.x - mw / 2, mouth.y - mh / 2 + c.u(-0.05, 0.1) * w, mw, mh);
                c.fill(inside(new Area(lips), inside), Paints.solid(c.rng.nextBoolean() ? Paints.jitter(0xb0202a, c.rng, 0.3) : ink), 1);
                if (c.rng.nextBoolean()) { // teeth
                    double tw = mw * 0.6, th = mh * 0.3;
                    c.fill(inside(new Area(new Rectangle2D.Double(mouth.x - tw / 2, mouth.y - mh / 4, tw, th)), inside),
                            Paints.solid(0xf4f4ee), 1);
                }
            }
            default -> { // large flowers / blobs all over
                int n = 4 + c.rng.nextInt(9);
                for (int i = 0; i < n; i++) {
                    double r = c.u(0.08, 0.22) * w;
                    double x = c.u(c.local(2).x, c.local(14).x), y = c.u(top, c.local(8).y);
                    Area flower = new Area();
                    for (int k = 0; k < 5; k++) {
                        double a = 2 * Math.PI * k / 5;
                        flower.add(new Area(new Ellipse2D.Double(x + Math.cos(a) * r - r * 0.6, y + Math.sin(a) * r - r * 0.6, r * 1.2, r * 1.2)));
                    }
                    c.fill(inside(flower, inside), Paints.solid(c.rng.nextBoolean() ? ink : Paints.randomColor(c.rng)), 1);
                }
            }
        }
    }

    /** A cloth mask's outline: from the nose bridge (somewhere between landmarks 28 and 29) over the jaw line. */
    private record ClothOutline(Path2D.Double shape, double top) {
    }

    private static ClothOutline clothOutline(Ctx c) {
        double top = c.local(28).y + (c.local(29).y - c.local(28).y) * c.rng.nextDouble() + c.u(-0.08, 0.1) * c.d;
        return new ClothOutline(lowerFace(c, top, c.u(1.02, 1.12)), top);
    }

    private static Area inside(Area a, Area outline) {
        Area out = new Area(a);
        out.intersect(outline);
        return out;
    }

    /** Mean colour of two small cheek patches (between the jaw line and the nose wings). */
    static int cheekColour(RgbImage face, Landmarks lm) {
        long r = 0, g = 0, b = 0, n = 0;
        for (int[] pair : new int[][]{{2, 31}, {14, 35}}) {
            Point2D.Double a = lm.p(pair[0]), z = lm.p(pair[1]);
            int cx = (int) Math.round((a.x + z.x) / 2), cy = (int) Math.round((a.y + z.y) / 2);
            for (int y = cy - 3; y <= cy + 3; y++) {
                for (int x = cx - 3; x <= cx + 3; x++) {
                    if (x < 0 || y < 0 || x >= face.width() || y >= face.height()) continue;
                    int o = 3 * (y * face.width() + x);
                    r += face.data()[o] & 0xff;
                    g += face.data()[o + 1] & 0xff;
                    b += face.data()[o + 2] & 0xff;
                    n++;
                }
            }
        }
        if (n == 0) return 0xd8b8a0;
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    // ---- glasses ----------------------------------------------------------------------------------------------

    private static void glasses(Ctx c, boolean sun) {
        double lensScale = c.u(1.6, 2.05), aspect = c.u(0.6, 0.9), drop = c.u(0.0, 0.1) * c.d;
        int style = c.rng.nextInt(3);
        double frameW = (sun ? c.u(0.03, 0.07) : c.u(0.05, 0.1)) * c.d;
        FaceOutlines.Lenses shape = FaceOutlines.lenses(c.lm, lensScale, aspect, drop, style);
        Area lenses = shape.area();
        double[] outer = shape.outerX();
        double barY = c.local(39).y + drop - 0.12 * c.d;
        Area frame = new Area(new BasicStroke((float) frameW).createStrokedShape(lenses));
        Path2D.Double bridge = new Path2D.Double();
        bridge.moveTo(c.local(39).x, barY);
        bridge.quadTo((c.local(39).x + c.local(42).x) / 2, barY - 0.08 * c.d, c.local(42).x, barY);
        frame.add(new Area(new BasicStroke((float) frameW).createStrokedShape(bridge)));
        for (double x : outer) {
            double dir = Math.signum(x);
            Path2D.Double temple = new Path2D.Double();
            temple.moveTo(x, barY);
            temple.lineTo(x + dir * 2.5 * c.d, barY + c.u(-0.1, 0.15) * c.d);
            frame.add(new Area(new BasicStroke((float) (frameW * 0.8)).createStrokedShape(temple)));
        }
        int frameColour = c.rng.nextInt(3) == 0 ? Paints.randomColor(c.rng) : Paints.jitter(0x202020, c.rng, 0.6);
        if (sun) {
            int dark = Paints.jitter(Paints.pick(new int[]{0x101010, 0x2a1d12, 0x0e1a2e, 0x14261a, 0x303030}, c.rng), c.rng, 0.5);
            int light = Paints.mix(dark, 0xffffff, c.u(0.1, 0.45));
            c.fill(lenses, c.localPaint(Paints.gradient(dark, light, c.u(0, Math.PI), c.u(0.8, 2) * c.d)), c.u(0.88, 1));
        }
        c.fill(frame, Paints.solid(frameColour), 1);
    }

    private static Point2D.Double centroid(Ctx c, int from, int to) {
        return FaceOutlines.centroid(c.lm, from, to);
    }

    // ---- hand -------------------------------------------------------------------------------------------------

    private static void hand(Ctx c) {
        boolean mouth = c.rng.nextInt(5) < 3;
        double s = c.d * c.u(0.9, 1.25) * (mouth ? 1 : 1.15);
        // hand frame: palm centred at the origin, fingers pointing along +x
        Area hand = new Area(new Ellipse2D.Double(-0.55 * s, -0.4 * s, 0.9 * s, 0.8 * s));
        double[] lengths = {c.u(0.7, 0.85), c.u(0.8, 0.95), c.u(0.75, 0.9), c.u(0.55, 0.7)};
        double fw = 0.2 * s, spread = c.u(0.0, 0.08);
        List<Shape> fingers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double y = (-0.3 + i * 0.2) * s;
            Shape f = new RoundRectangle2D.Double(0.1 * s, y - fw / 2, lengths[i] * s + 0.2 * s, fw, fw, fw);
            AffineTransform t = AffineTransform.getRotateInstance((i - 1.5) * spread, 0.1 * s, y);
            Shape ft = t.createTransformedShape(f);
            fingers.add(ft);
            hand.add(new Area(ft));
        }
        Shape thumb = AffineTransform.getRotateInstance(c.u(-0.9, -0.5), 0, 0.3 * s)
                .createTransformedShape(new RoundRectangle2D.Double(0, 0.3 * s - 0.11 * s, 0.65 * s, 0.22 * s, 0.22 * s, 0.22 * s));
        hand.add(new Area(thumb));

        boolean fromLeft = c.rng.nextBoolean();
        Point2D.Double target = mouth ? centroid(c, 48, 59) : new Point2D.Double(0, c.u(-0.05, 0.1) * c.d);
        double angle = (fromLeft ? 0 : Math.PI) + c.u(-0.35, 0.35) + (mouth ? 0 : 0);
        double reach = mouth ? c.u(0.35, 0.6) * s : c.u(0.2, 0.45) * s;
        AffineTransform place = AffineTransform.getTranslateInstance(target.x, target.y);
        place.rotate(angle);
        place.translate(-reach, 0);
        if (!fromLeft) place.scale(1, -1);

        int skin = Paints.jitter(Paints.pick(Paints.SKIN, c.rng), c.rng, 0.12);
        int shade = Paints.scale(skin, 0.78);
        c.fill(place.createTransformedShape(hand), c.localPaint(Paints.noise(skin, Paints.mix(skin, shade, 0.6),
                c.u(0.15, 0.4) * c.d, 1, c.rng.nextLong())), 1);
        BasicStroke crease = new BasicStroke((float) (0.025 * c.d));
        for (Shape f : fingers) c.fill(place.createTransformedShape(crease.createStrokedShape(f)), Paints.solid(shade), 0.5);
    }

    // ---- scarf, hat, hair -------------------------------------------------------------------------------------

    private static void scarf(Ctx c) {
        double top = c.local(33).y + (c.local(57).y - c.local(33).y) * c.rng.nextDouble() - 0.1 * c.d;
        double amp = c.u(0.02, 0.1) * c.d, freq = c.u(2, 6) / c.d, phase = c.u(0, 6.3);
        double left = c.local(0).x - c.u(0.1, 0.7) * c.d, right = c.local(16).x + c.u(0.1, 0.7) * c.d;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(left - 0.4 * c.d, 4 * c.d);
        for (double x = left; x <= right; x += 0.05 * c.d) {
            double edge = Math.abs(x) > c.local(16).x ? 0.25 * c.d : 0;
            p.lineTo(x, top + edge + amp * Math.sin(x * freq + phase));
        }
        p.lineTo(right + 0.4 * c.d, 4 * c.d);
        p.closePath();
        Layer.Paint paint = c.rng.nextBoolean() ? Paints.randomTexture(c.rng)
                : Paints.noise(Paints.randomColor(c.rng), Paints.randomColor(c.rng), c.u(2, 6), c.u(2, 6), c.rng.nextLong());
        c.fill(p, paint, 1);
    }

    private static void hat(Ctx c) {
        double brow = (c.local(19).y + c.local(24).y) / 2, eye = (c.local(37).y + c.local(44).y) / 2;
        double brim = brow + (eye - brow) * c.u(0.1, 1.5);
        double tilt = c.u(-0.12, 0.12), curve = c.u(-0.1, 0.15) * c.d;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-3 * c.d, -4 * c.d);
        for (double x = -3 * c.d; x <= 3 * c.d; x += 0.1 * c.d)
            p.lineTo(x, brim + tilt * x + curve * (1 - Math.pow(x / (1.5 * c.d), 2)));
        p.lineTo(3 * c.d, -4 * c.d);
        p.closePath();
        int base = Paints.randomColor(c.rng);
        c.fill(p, c.rng.nextBoolean() ? Paints.solid(base) : Paints.randomTexture(c.rng), 1);
        Path2D.Double band = new Path2D.Double();
        band.moveTo(-3 * c.d, brim + tilt * -3 * c.d);
        band.lineTo(3 * c.d, brim + tilt * 3 * c.d);
        c.fill(new BasicStroke((float) (c.u(0.05, 0.15) * c.d)).createStrokedShape(band),
                Paints.solid(Paints.scale(base, 0.6)), 1);
    }

    private static void hair(Ctx c) {
        double brow = (c.local(19).y + c.local(24).y) / 2, eye = (c.local(37).y + c.local(44).y) / 2;
        double base = brow + (eye - brow) * c.u(0.2, 1.4), slope = c.u(-0.45, 0.45);
        double from = c.u(-2.0, -0.3) * c.d, to = c.u(0.3, 2.0) * c.d;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(from, -4 * c.d);
        p.lineTo(from, base + slope * from - 0.5 * c.d);
        for (double x = from; x <= to; x += c.u(0.04, 0.1) * c.d)
            p.lineTo(x, base + slope * x + c.u(-0.12, 0.12) * c.d);
        p.lineTo(to, base + slope * to - 0.5 * c.d);
        p.lineTo(to, -4 * c.d);
        p.closePath();
        int h1 = Paints.jitter(Paints.pick(Paints.HAIR, c.rng), c.rng, 0.15), h2 = Paints.mix(h1, 0xffffff, c.u(0.05, 0.3));
        c.fill(p, c.localPaint(Paints.noise(h1, h2, c.u(0.02, 0.06) * c.d, c.u(6, 14), c.rng.nextLong())), 1);
    }

    // ---- phone, microphone ------------------------------------------------------------------------------------

    private static void phone(Ctx c) {
        double w = c.u(0.5, 0.75) * c.d, h = c.u(1.0, 1.5) * c.d;
        double side = c.rng.nextBoolean() ? 1 : -1;
        Point2D.Double at = new Point2D.Double(side * c.u(0.3, 0.8) * c.d, c.u(0.5, 1.1) * c.d);
        AffineTransform t = AffineTransform.getTranslateInstance(at.x, at.y);
        t.rotate(side * c.u(-0.2, 0.7));
        Shape body = t.createTransformedShape(new RoundRectangle2D.Double(-w / 2, -h / 2, w, h, 0.25 * w, 0.25 * w));
        Shape screen = t.createTransformedShape(new Rectangle2D.Double(-w / 2 + 0.08 * w, -h / 2 + 0.1 * h, 0.84 * w, 0.8 * h));
        int bodyColour = c.rng.nextBoolean() ? Paints.jitter(0x1a1a1a, c.rng, 0.5) : Paints.randomColor(c.rng);
        c.fill(body, Paints.solid(bodyColour), 1);
        if (c.rng.nextBoolean()) {
            int dark = Paints.jitter(0x0a0f18, c.rng, 0.5);
            c.fill(screen, c.localPaint(Paints.gradient(dark, Paints.mix(dark, 0xffffff, 0.35), c.u(0, 3), c.d)), 1);
        }
    }

    private static void microphone(Ctx c) {
        Point2D.Double m = centroid(c, 48, 59);
        double r = c.u(0.22, 0.35) * c.d;
        Point2D.Double head = new Point2D.Double(m.x + c.u(-0.25, 0.25) * c.d, m.y + c.u(-0.05, 0.3) * c.d);
        double angle = Math.PI / 2 + c.u(-0.6, 0.6), len = c.u(1.5, 2.5) * c.d, hw = c.u(0.15, 0.25) * c.d;
        AffineTransform t = AffineTransform.getTranslateInstance(head.x, head.y);
        t.rotate(angle);
        Shape handle = t.createTransformedShape(new RoundRectangle2D.Double(0, -hw / 2, len, hw, hw * 0.4, hw * 0.4));
        c.fill(handle, Paints.solid(c.rng.nextBoolean() ? Paints.jitter(0x111111, c.rng, 0.5) : Paints.randomColor(c.rng)), 1);
        int mesh = Paints.jitter(0x9a9a9a, c.rng, 0.35);
        c.fill(new Ellipse2D.Double(head.x - r, head.y - r, 2 * r, 2 * r),
                c.localPaint(Paints.checks(mesh, Paints.scale(mesh, 0.55), c.u(0.03, 0.06) * c.d, Math.PI / 4)), 1);
    }

    // ---- random objects ---------------------------------------------------------------------------------------

    private static void object(Ctx c, RgbImage patch) {
        double r = c.u(0.25, 0.75) * c.d;
        Point2D.Double at = new Point2D.Double(c.u(-1.0, 1.0) * c.d, c.u(-0.6, 1.5) * c.d);
        double rot = c.u(0, Math.PI);
        Shape s = switch (c.rng.nextInt(4)) {
            case 0 -> new Ellipse2D.Double(-r, -r * c.u(0.5, 1), 2 * r, 2 * r * c.u(0.5, 1));
            case 1 -> new Rectangle2D.Double(-r, -r * c.u(0.4, 1), 2 * r, 2 * r * c.u(0.4, 1));
            case 2 -> {
                Path2D.Double p = new Path2D.Double();
                int n = 5 + c.rng.nextInt(6);
                for (int i = 0; i < n; i++) {
                    double a = 2 * Math.PI * i / n, rr = r * c.u(0.5, 1.2);
                    if (i == 0) p.moveTo(rr * Math.cos(a), rr * Math.sin(a));
                    else p.lineTo(rr * Math.cos(a), rr * Math.sin(a));
                }
                p.closePath();
                yield p;
            }
            default -> {
                Area blob = new Area();
                for (int i = 0; i < 4; i++) {
                    double br = r * c.u(0.35, 0.7), bx = c.u(-0.5, 0.5) * r, by = c.u(-0.5, 0.5) * r;
                    blob.add(new Area(new Ellipse2D.Double(bx - br, by - br, 2 * br, 2 * br)));
                }
                yield blob;
            }
        };
        AffineTransform t = AffineTransform.getTranslateInstance(at.x, at.y);
        t.rotate(rot);
        Shape local = t.createTransformedShape(s);
        Layer.Paint paint;
        if (patch != null) {
            Point2D centre = c.toImage.transform(at, null);
            paint = Paints.image(patch, centre.getX(), centre.getY(), c.u(1.0, 3.0) * 128.0 / Math.max(64, c.size) * c.size / 128.0,
                    c.u(0, 2 * Math.PI));
        } else {
            paint = Paints.randomTexture(c.rng);
        }
        c.fill(local, paint, c.u(0.85, 1));
    }
}
