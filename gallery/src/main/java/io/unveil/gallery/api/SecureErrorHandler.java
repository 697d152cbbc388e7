package io.unveil.gallery.api;

import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error responses (a malformed request line, a URI or headers too long, an unknown HTTP version: 400, 414,
 * 431, 505) are written before Javalin runs, so its before-handler cannot add the security headers: this adds them
 * there too, and keeps Jetty from describing itself in the body.
 */
final class SecureErrorHandler extends ErrorHandler {
    private final Map<String, String> headers;

    SecureErrorHandler(Map<String, String> headers) {
        this.headers = headers;
        setShowServlet(false);
        setShowStacks(false);
        setShowMessageInTitle(false);
        setCacheControl("no-store");
    }

    @Override
    public java.nio.ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.forEach((k, v) -> fields.put(new HttpField(k, v)));
        fields.put(new HttpField("Cache-Control", "no-store"));
        return super.badMessageError(status, reason, fields);
    }

    @Override
    public void handle(String target, Request base, jakarta.servlet.http.HttpServletRequest req,
                       jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException, jakarta.servlet.ServletException {
        headers.forEach(res::setHeader);
        super.handle(target, base, req, res);
    }
}
