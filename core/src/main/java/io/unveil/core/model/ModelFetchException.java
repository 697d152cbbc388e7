package io.unveil.core.model;

/** The pinned models could not be fetched or verified; the message names the file and what to do. */
public class ModelFetchException extends RuntimeException {
    public ModelFetchException(String message) {
        super(message);
    }

    public ModelFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
