package io.unveil.gallery.api;

/** A rejected request: HTTP status, a short machine-readable code and a human reason; rendered as a JSON error. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Object details;

    public ApiException(int status, String code, String reason) {
        this(status, code, reason, null);
    }

    public ApiException(int status, String code, String reason, Object details) {
        super(reason);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object details() {
        return details;
    }
}
