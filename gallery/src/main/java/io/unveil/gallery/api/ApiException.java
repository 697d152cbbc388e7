package io.unveil.gallery.api;

/** A rejected request: HTTP status, a short machine-readable code and a human reason; rendered as a JSON error. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Object details;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

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

    /** An HTTP header sent with the error (e.g. Retry-After with a 503). */
    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }
}
