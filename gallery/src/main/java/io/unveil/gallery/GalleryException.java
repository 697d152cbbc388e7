package io.unveil.gallery;

/**
 * What the gallery service refuses, in its own terms: the kind of problem, a stable code for clients and a reason for
 * people. The REST API maps the kind to an HTTP status ({@code GalleryApi}); the service itself knows nothing of HTTP,
 * so the CLI and tests call it directly.
 */
public final class GalleryException extends RuntimeException {
    /** The kinds of refusal. */
    public enum Kind {
        /** The request is malformed or names something unusable (a bad name, no images). */
        INVALID,
        /** The request is over a size limit (bytes, pixels, images). */
        TOO_LARGE,
        /** No identity with that id. */
        NOT_FOUND,
        /** Well formed, but nothing in it could be enrolled (no image passed the quality gate). */
        NOT_USABLE,
        /** The identity is not at the version the client named (If-Match): it changed since the client read it. */
        VERSION_MISMATCH,
        /** Other gallery writers kept winning the write; nothing was written, a later retry may succeed. */
        CONFLICT
    }

    private final Kind kind;
    private final String code;
    private final transient Object details;

    public GalleryException(Kind kind, String code, String reason) {
        this(kind, code, reason, null);
    }

    public GalleryException(Kind kind, String code, String reason, Object details) {
        super(reason);
        this.kind = kind;
        this.code = code;
        this.details = details;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Object details() {
        return details;
    }
}
