package io.unveil.research.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The project's one split of identities into those that may train models and those kept for measuring them. It
 * depends only on the identity name (a hash), so every trainer and the evaluation agree without sharing a file, and
 * adding identities to a set never moves an existing one across the line. Default: 70% train, 30% validation.
 */
public final class IdentitySplit {
    public enum Part { TRAIN, VALIDATION }

    public static final int TRAIN_PERCENT = 70;

    private IdentitySplit() {
    }

    public static Part of(String dataset, String identity) {
        return bucket(dataset + "/" + identity) < TRAIN_PERCENT ? Part.TRAIN : Part.VALIDATION;
    }

    public static boolean isTrain(String dataset, String identity) {
        return of(dataset, identity) == Part.TRAIN;
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
