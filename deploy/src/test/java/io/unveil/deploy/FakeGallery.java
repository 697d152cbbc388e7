package io.unveil.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gallery service's identities API as the CLI sees it (list, delete, rename), on a loopback port, answering 401 to
 * any key but {@link #KEY}; records the non-GET requests so a test can check which id a command acted on.
 */
final class FakeGallery implements AutoCloseable {
    static final String KEY = "right-key";
    private static final String LIST = "[" + entry("id-ada", "Ada") + "," + entry("id-bob-1", "Bob") + "," + entry("id-bob-2", "Bob") + "]";
    final List<String> changes = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeGallery() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/identities", ex -> {
            String body;
            int status = 200;
            if (!KEY.equals(ex.getRequestHeaders().getFirst("X-Api-Key"))) {
                status = 401;
                body = "{\"reason\":\"missing or unknown API key\"}";
            } else if (ex.getRequestMethod().equals("GET")) {
                body = LIST;
            } else {
                String id = ex.getRequestURI().getPath().substring("/api/v1/identities/".length());
                changes.add(ex.getRequestMethod() + " " + id);
                body = ex.getRequestMethod().equals("PATCH") ? entry(id, "Renamed") : "{}";
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    private static String entry(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"count\":1,\"meanQuality\":0.5,\"updatedMs\":0}";
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
