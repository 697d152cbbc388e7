package io.unveil.research.train.parsing;

/** The face parts S predicts. Hair is left out: it cannot be derived from the 68 landmarks. */
public final class FaceParts {
    public static final int BACKGROUND = 0, SKIN = 1, BROWS = 2, EYES = 3, NOSE = 4, MOUTH = 5;
    public static final int COUNT = 6;
    public static final String[] NAMES = {"background", "skin", "brows", "eyes", "nose", "mouth"};

    private FaceParts() {
    }
}
