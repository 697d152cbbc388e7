package io.unveil.research.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The project's one split of identities into those that may train models and those kept for measuring them. It
 * depends only on the identity name (a hash), so every trainer and the evaluation agree without sharing a file, and
 * adding identities to a set never moves an existing one across the line. Default: 70% train, 30% validation.
 * <p>
 * VALIDATION identities are split once more, by a second hash of the name with a fixed salt, into a half that
 * chooses (model selection: which checkpoint, which threshold, which generator) and a half that confirms (the number
 * reported for the choice, measured once, on people the choice never saw). The salt is fixed rather than a run seed
 * so that no one can redraw the halves until the confirmation agrees.
 */
public final class IdentitySplit {
    public enum Part { TRAIN, VALIDATION }

    /** The two halves of the VALIDATION identities. */
    public enum Half { CHOOSE, CONFIRM }

    /** Which identities of a set an evaluation keeps. */
    public enum Subset {
        ALL, VALIDATION, VALIDATION_CHOOSE, VALIDATION_CONFIRM;

        public boolean contains(String dataset, String identity) {
            return switch (this) {
                case ALL -> true;
                case VALIDATION -> of(dataset, identity) == Part.VALIDATION;
                case VALIDATION_CHOOSE -> half(dataset, identity) == Half.CHOOSE;
                case VALIDATION_CONFIRM -> half(dataset, identity) == Half.CONFIRM;
            };
        }

        /** For reports: "IdentitySplit VALIDATION (choose half)" and the like. */
        public String describe() {
            return switch (this) {
                case ALL -> "all identities";
                case VALIDATION -> "IdentitySplit VALIDATION identities";
                case VALIDATION_CHOOSE -> "IdentitySplit VALIDATION identities, CHOOSE half";
                case VALIDATION_CONFIRM -> "IdentitySplit VALIDATION identities, CONFIRM half";
            };
        }
    }

    public static final int TRAIN_PERCENT = 70;
    /** Share of the VALIDATION identities in the CHOOSE half. */
    public static final int CHOOSE_PERCENT = 50;
    /** Salt of the choose/confirm hash: fixed, so the halves never move (see the class comment). */
    static final String HALF_SALT = "choose-confirm-1";

    private IdentitySplit() {
    }

    public static Part of(String dataset, String identity) {
        return bucket(dataset + "/" + identity) < TRAIN_PERCENT ? Part.TRAIN : Part.VALIDATION;
    }

    public static boolean isTrain(String dataset, String identity) {
        return of(dataset, identity) == Part.TRAIN;
    }

    /** The half of a VALIDATION identity; null for a TRAIN identity (it belongs to neither). */
    public static Half half(String dataset, String identity) {
        if (of(dataset, identity) != Part.VALIDATION) return null;
        return bucket(HALF_SALT + "/" + dataset + "/" + identity) < CHOOSE_PERCENT ? Half.CHOOSE : Half.CONFIRM;
    }

    static int bucket(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            int v = ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
            return Math.floorMod(v, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
