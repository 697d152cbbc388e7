package io.unveil.gallery.store;

/** Other writers of the gallery won every attempt of a write: nothing was written; trying again later may succeed. */
public final class ConcurrentWriteException extends RuntimeException {
    public ConcurrentWriteException(String message) {
        super(message);
    }
}
