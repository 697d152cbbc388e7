package io.unveil.research.eval.live;

/** The four groups the live table reports: enrolled or stranger, shown plain or occluded. */
public enum LiveGroup {
    ENROLLED_PLAIN("enrolled, plain"),
    ENROLLED_OCCLUDED("enrolled, occluded"),
    STRANGERS_PLAIN("strangers, plain"),
    STRANGERS_OCCLUDED("strangers, occluded");

    private final String label;

    LiveGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean enrolled() {
        return this == ENROLLED_PLAIN || this == ENROLLED_OCCLUDED;
    }

    public static LiveGroup of(boolean enrolled, boolean occluded) {
        if (enrolled) return occluded ? ENROLLED_OCCLUDED : ENROLLED_PLAIN;
        return occluded ? STRANGERS_OCCLUDED : STRANGERS_PLAIN;
    }
}
