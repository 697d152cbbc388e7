package io.unveil.deploy;

import io.unveil.core.net.PortInUseException;
import java.io.UncheckedIOException;

/** Which failures the launcher reports as one line (the user can fix them) rather than as a stack trace (a bug). */
final class CliErrors {
    private CliErrors() {
    }

    /** The line to print for {@code e}, or null when {@code e} is not the user's to fix. */
    static String oneLine(Throwable e) {
        if (e instanceof IllegalArgumentException) return e.getMessage();
        // a bind failure may come wrapped by the role or pipeline that started the server
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause())
            if (t instanceof PortInUseException) return t.getMessage();
        // a file or folder that cannot be read: its path is in the message, the reason in the cause
        if (e instanceof UncheckedIOException u) {
            String why = u.getCause() == null ? null : u.getCause().getMessage();
            return why == null || u.getMessage().contains(why) ? u.getMessage() : u.getMessage() + " (" + why + ")";
        }
        return null;
    }
}
