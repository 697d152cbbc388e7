package io.unveil.gallery.api;

/**
 * An identity's version as an HTTP entity tag: {@code ETag: "7"} on reads and writes, {@code If-Match: "7"} on a write
 * makes it conditional (412 when the identity is at another version). {@code If-Match: *} only needs the identity to
 * exist; a weak tag ({@code W/"7"}) counts as its version (the version changes on every write).
 */
final class Versions {
    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by an If-Match header; null when absent or {@code *} (no version condition). */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank()) return null;
        String h = header.strip();
        if (h.equals("*")) return null;
        if (h.startsWith("W/")) h = h.substring(2);
        if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"")) h = h.substring(1, h.length() - 1);
        try {
            long v = Long.parseLong(h);
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_if_match", "If-Match must be one entity tag of this API, e.g. \"3\" (the ETag of a GET), or *; got "
                    + (header.length() > 40 ? header.substring(0, 40) + "..." : header));
        }
    }
}
