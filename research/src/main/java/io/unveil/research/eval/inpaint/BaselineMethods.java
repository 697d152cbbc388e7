package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;

/**
 * The reference rows: GT (the unoccluded face: the accuracy ceiling), OCC (the occluded face, no repair) and OCC-white
 * (the hole filled white, as a generator's input sees it; the same as OCC for the white blocks).
 */
public final class BaselineMethods {
    private BaselineMethods() {
    }

    public static RepairMethod groundTruth() {
        return new RepairMethod() {
            @Override
            public String name() {
                return "GT";
            }

            @Override
            public RgbImage repair(RgbImage truth, Occluded occluded) {
                return truth;
            }
        };
    }

    public static RepairMethod occluded() {
        return new RepairMethod() {
            @Override
            public String name() {
                return "OCC";
            }

            @Override
            public RgbImage repair(RgbImage truth, Occluded occluded) {
                return occluded.image();
            }
        };
    }

    public static RepairMethod white() {
        return new RepairMethod() {
            @Override
            public String name() {
                return MethodSpecs.WHITE;
            }

            @Override
            public RgbImage repair(RgbImage truth, Occluded occluded) {
                byte[] d = occluded.image().data().clone();
                boolean[] m = occluded.mask();
                for (int p = 0; p < m.length; p++)
                    if (m[p]) {
                        d[p * 3] = (byte) 255;
                        d[p * 3 + 1] = (byte) 255;
                        d[p * 3 + 2] = (byte) 255;
                    }
                return new RgbImage(occluded.image().width(), occluded.image().height(), d);
            }
        };
    }
}
