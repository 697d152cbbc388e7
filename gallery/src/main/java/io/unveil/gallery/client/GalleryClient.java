package io.unveil.gallery.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** HTTP client of the gallery API used by the CLI ({@code unveil enroll}, {@code unveil identities}). */
public final class GalleryClient {
    /** A non-2xx answer: status and the service's JSON error (or raw body). */
    public static final class ApiError extends RuntimeException {
        public final int status;
        public final JsonNode body;

        ApiError(int status, JsonNode body, String raw) {
            super("HTTP " + status + ": " + (body != null && body.has("reason") ? body.get("reason").asText() : raw));
            this.status = status;
            this.body = body;
        }
    }

    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param baseUrl the service root ({@code http://host:8080}); the API's own address ({@code .../api/v1}) works too */
    public GalleryClient(String baseUrl, String apiKey) {
        this.base = apiBase(baseUrl);
        this.apiKey = apiKey;
    }

    /** The API address for a service root or for the API address itself, as README writes it (was: .../api/v1/api/v1, 404). */
    static URI apiBase(String baseUrl) {
        String b = baseUrl.strip().replaceAll("/+$", "");
        if (b.endsWith("/api/v1")) b = b.substring(0, b.length() - "/api/v1".length());
        return URI.create(b + "/api/v1");
    }

    public JsonNode list() {
        return send(req("/identities").GET().build());
    }

    public JsonNode get(String id) {
        return send(req("/identities/" + enc(id)).GET().build());
    }

    public void delete(String id) {
        delete(id, null);
    }

    /** @param ifMatch the version last read (sent as If-Match; 412 when the identity moved on), null for none */
    public void delete(String id, Long ifMatch) {
        send(ifMatch(req("/identities/" + enc(id)), ifMatch).DELETE().build());
    }

    public JsonNode rename(String id, String name) {
        return rename(id, name, null);
    }

    /** @param ifMatch the version last read (sent as If-Match; 412 when the identity moved on), null for none */
    public JsonNode rename(String id, String name, Long ifMatch) {
        String body = Json.MAPPER.createObjectNode().put("name", name).toString();
        return send(ifMatch(req("/identities/" + enc(id)), ifMatch).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest.Builder ifMatch(HttpRequest.Builder b, Long version) {
        return version == null ? b : b.header("If-Match", "\"" + version + "\"");
    }

    public JsonNode enroll(String name, List<Path> images) throws IOException {
        Multipart m = new Multipart().field("name", name);
        for (Path p : images) m.file("images", p.getFileName().toString(), Multipart.contentTypeOf(p.toString()), Files.readAllBytes(p));
        return send(req("/identities").header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.build())).build());
    }

    public JsonNode addImages(String id, List<Path> images) throws IOException {
        return addImages(id, images, null);
    }

    /** @param ifMatch the version last read (sent as If-Match; 412 when the identity moved on), null for none */
    public JsonNode addImages(String id, List<Path> images, Long ifMatch) throws IOException {
        Multipart m = new Multipart();
        for (Path p : images) m.file("images", p.getFileName().toString(), Multipart.contentTypeOf(p.toString()), Files.readAllBytes(p));
        return send(ifMatch(req("/identities/" + enc(id) + "/images"), ifMatch).header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.build())).build());
    }

    public JsonNode enrollClip(String name, Path clip) throws IOException {
        Multipart m = new Multipart().field("name", name)
                .file("clip", clip.getFileName().toString(), Multipart.contentTypeOf(clip.toString()), Files.readAllBytes(clip));
        return send(req("/identities/clip").header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.build())).build());
    }

    /** POST /recognize: the faces on one photo with their names (read scope). */
    public JsonNode recognize(Path image) throws IOException {
        Multipart m = new Multipart().file("image", image.getFileName().toString(), Multipart.contentTypeOf(image.toString()), Files.readAllBytes(image));
        return send(req("/recognize").header("Content-Type", m.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(m.build())).build());
    }

    private HttpRequest.Builder req(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
        if (apiKey != null) b.header("X-Api-Key", apiKey);
        return b;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(HttpRequest r) {
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                if (!res.body().isEmpty()) body = Json.MAPPER.readTree(res.body());
            } catch (IOException ignored) {
                // not JSON
            }
            if (res.statusCode() / 100 != 2) throw new ApiError(res.statusCode(), body, res.body());
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the gallery service at " + base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
