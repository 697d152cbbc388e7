package io.unveil.research.train.idgan;

/**
 * Which identity term the recognizer R contributes (paper section III-C and its ablations).
 * DIVERSITY is eq. 5 (the paper's full model); TRIPLET and CENTER replace its hinge term (Our-tri, Our-cent);
 * NONE drops L_R entirely (Our-w/oID).
 */
public enum IdentityLoss {
    DIVERSITY, TRIPLET, CENTER, NONE;

    public static IdentityLoss parse(String s) {
        return switch (s.toLowerCase()) {
            case "diversity", "id", "identity-diversity" -> DIVERSITY;
            case "triplet", "tri" -> TRIPLET;
            case "center", "centre", "cent" -> CENTER;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("identity loss must be diversity|triplet|center|none: " + s);
        };
    }
}
