package io.unveil.core.net;

/**
 * A server could not bind its port. Names the address and the flag or setting that moves it, so the CLI prints one
 * line ("port 8080 on 127.0.0.1 is already in use ...") instead of a bind stack trace that names neither.
 */
public final class PortInUseException extends IllegalStateException {
    private final int port;

    public PortInUseException(String host, int port, String change, Throwable cause) {
        super("port " + port + " on " + host + " is already in use: stop what holds it or choose another port with " + change, cause);
        this.port = port;
    }

    public int port() {
        return port;
    }

    /**
     * Whether {@code e} or one of its causes is a failed bind: a {@link java.net.BindException}, or a server library's own
     * wrapper of one (Javalin's JavalinBindException says "Port already in use").
     */
    public static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) return true;
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("already in use")) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
