package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;

/** The two reference rows: GT (the unoccluded face: the accuracy ceiling) and OCC (the occluded face, no repair). */
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
}
