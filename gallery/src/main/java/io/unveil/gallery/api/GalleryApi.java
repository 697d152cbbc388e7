package io.unveil.gallery.api;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.serde.Json;
import io.unveil.gallery.GalleryException;
import io.unveil.gallery.GalleryService;
import io.unveil.gallery.cameras.CameraSnapshots;
import io.unveil.gallery.cameras.Snapshot;
import io.unveil.gallery.events.EventFeed;
import io.unveil.gallery.events.EventQueue;
import io.unveil.gallery.recognize.PhotoRecognizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST API under {@code /api/v1} (described by {@code /api/v1/openapi.json}) and the web page at {@code /}.
 * Every API route needs an {@code X-Api-Key}: READ for lists, single identities and events, ADMIN for changes.
 * Every rejection is a JSON body {@code {"status":..,"error":"code","reason":"..."}}.
 */
public final class GalleryApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryApi.class);
    public static final String BASE = "/api/v1";
    public static final String KEY_HEADER = "X-Api-Key";
    private static final String HANDLED = "unveil.error-handled";

    private final GalleryService service;
    private final EventFeed feed;
    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final EnrollmentGate gate;
    /** A live client idle this long gets a comment, which also detects clients that went away. */
    static final long SSE_KEEPALIVE_MS = 15_000;
    private volatile int sseQueue = 256;
    private volatile long sseMaxStallMs = 10_000;
    private volatile int sseMaxClients = 64;
    private volatile java.util.concurrent.Semaphore sseSlots = new java.util.concurrent.Semaphore(64);
    private final Javalin app;
    /** Who is on a photo (POST /recognize); null when the recognizer's threshold could not be had ({@link #noRecognizer} says why). */
    private volatile PhotoRecognizer recognizer;
    private volatile String noRecognizer = "recognition of photos is not configured";
    /** The latest frame per camera (GET /cameras); null when the role reads no frames. */
    private volatile CameraSnapshots cameras;

    /** Security headers sent with every response, the web page and errors included (the page has no inline script or style). */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin");

    public GalleryApi(GalleryService service, EventFeed feed, ApiKeys keys) {
        this(service, feed, keys, RateLimiter.unlimited());
    }

    public GalleryApi(GalleryService service, EventFeed feed, ApiKeys keys, RateLimiter limiter) {
        this.service = service;
        this.feed = feed;
        this.keys = keys;
        this.limiter = limiter;
        UploadLimits limits = service.limits();
        this.gate = new EnrollmentGate(limits.enrollConcurrency(), limits.enrollQueue());
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.maxRequestSize = Math.min(limits.maxRequestBytes(), 1L << 20); // non-multipart bodies (JSON)
            cfg.jetty.multipartConfig.maxFileSize(Math.max(limits.maxImageBytes(), limits.maxClipBytes()), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(limits.maxRequestBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            // DELETE /identities/{id}/ must not reach /identities/{id}: one resource, one URL
            cfg.router.ignoreTrailingSlashes = false;
            // Jetty answers malformed requests (400/414/431/505) before Javalin sees them: same headers there
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new SecureErrorHandler(SECURITY_HEADERS)));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/unveil-web";
                sf.location = Location.CLASSPATH;
            });
        });
        routes();
    }

    private void routes() {
        app.before(ctx -> {
            SECURITY_HEADERS.forEach(ctx::header);
            if (ctx.path().startsWith(BASE)) ctx.header("Cache-Control", "no-store");
            // Javalin honours method-override headers: a GET carrying "X-HTTP-Method-Override: DELETE" deleted
            for (String h : METHOD_OVERRIDE_HEADERS)
                if (ctx.header(h) != null)
                    throw new ApiException(400, "method_override_refused", h + " is not supported; send the real method");
            // HEAD is answered from the GET route but without its roles: it must need a key like GET
            if (ctx.method() == HandlerType.HEAD && ctx.path().startsWith(BASE + "/") && !ctx.path().equals(BASE + "/openapi.json"))
                authorize(ctx, Set.of(Scope.READ));
        });
        app.beforeMatched(this::authorize);
        app.get(BASE + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));

        app.get(BASE + "/identities", ctx -> ctx.json(service.store().list().stream().map(IdentityView::of).toList()), Scope.READ);
        app.post(BASE + "/identities", ctx -> gate.run(() -> create(ctx)), Scope.ADMIN);
        app.post(BASE + "/identities/clip", ctx -> gate.run(() -> {
            requireMultipart(ctx);
            GalleryService.Outcome o = service.createFromClip(ctx.formParam("name"), clip(ctx), null);
            ctx.status(201).json(outcome(ctx, o));
        }), Scope.ADMIN);
        // ETag = the identity's version; If-Match on the writes below makes them conditional (412 when it moved on)
        app.get(BASE + "/identities/{id}", ctx -> ctx.json(IdentityView.of(tagged(ctx, service.require(ctx.pathParam("id"))))), Scope.READ);
        app.patch(BASE + "/identities/{id}", this::rename, Scope.ADMIN);
        app.delete(BASE + "/identities/{id}", ctx -> {
            service.delete(ctx.pathParam("id"), Versions.ifMatch(ctx.header("If-Match")));
            ctx.status(204);
        }, Scope.ADMIN);
        app.post(BASE + "/identities/{id}/images", ctx -> gate.run(() -> {
            requireMultipart(ctx);
            Long ifMatch = Versions.ifMatch(ctx.header("If-Match"));
            ctx.json(outcome(ctx, service.addImages(ctx.pathParam("id"), uploads(ctx), ifMatch)));
        }), Scope.ADMIN);
        app.post(BASE + "/identities/{id}/clip", ctx -> gate.run(() -> {
            requireMultipart(ctx);
            Long ifMatch = Versions.ifMatch(ctx.header("If-Match"));
            ctx.json(outcome(ctx, service.createFromClip(null, clip(ctx), ctx.pathParam("id"), ifMatch)));
        }), Scope.ADMIN);

        app.post(BASE + "/recognize", ctx -> gate.run(() -> recognize(ctx)), Scope.READ);
        app.post(BASE + "/unknowns/{unknownId}/identify", ctx -> gate.run(() -> identify(ctx)), Scope.ADMIN);

        app.get(BASE + "/cameras", ctx -> ctx.json(cameraList()), Scope.READ);
        app.get(BASE + "/cameras/{id}/snapshot.jpg", this::snapshot, Scope.READ);

        app.get(BASE + "/events", ctx -> ctx.json(feed.query(filter(ctx), intParam(ctx, "limit", 50, 1, 500))), Scope.READ);
        app.sse(BASE + "/events/stream", this::stream, Scope.READ);

        app.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            error(ctx, e.status(), e.code(), e.getMessage(), e.details());
        });
        app.exception(GalleryException.class, (e, ctx) -> error(ctx, status(e.kind()), e.code(), e.getMessage(), e.details()));
        app.exception(IllegalStateException.class, (e, ctx) -> {
            String m = String.valueOf(e.getMessage());
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max") && m.contains("size")) {
                error(ctx, 413, "request_too_large", "request exceeds the upload limit (" + service.limits().maxRequestBytes()
                        + " bytes per request, " + service.limits().maxImageBytes() + " per image)", null);
            } else {
                LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal", "internal error", null);
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal", "internal error: " + e.getClass().getSimpleName(), null);
        });
        app.error(404, ctx -> {
            if (ctx.attribute(HANDLED) == null) error(ctx, 404, "not_found", "no such resource: " + ctx.method() + " " + ctx.path(), null);
        });
        app.error(405, ctx -> {
            if (ctx.attribute(HANDLED) == null) error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), null);
        });
        app.error(413, ctx -> {
            if (ctx.attribute(HANDLED) == null) error(ctx, 413, "request_too_large", "request body exceeds the limit", null);
        });
    }

    /**
     * One live stream: the feed fills this client's bounded queue without waiting, and this request's own thread
     * writes to the client (so a client that does not read only blocks itself); a client whose queue overflows is
     * closed. Streams beyond {@code sseMaxClients} get a comment saying so and are closed at once.
     */
    private void stream(io.javalin.http.sse.SseClient client) {
        if (!sseSlots.tryAcquire()) {
            client.sendComment("too many live clients (" + sseMaxClients + "); retry later");
            client.close();
            return;
        }
        EventQueue queue = new EventQueue(sseQueue, sseMaxStallMs, filter(client.ctx()));
        Runnable unsubscribe = feed.subscribe(queue);
        try {
            client.sendComment("connected");
            while (!client.terminated()) {
                RecognitionEvent e = queue.poll(SSE_KEEPALIVE_MS);
                if (queue.cutOff()) {
                    LOG.debug("closing a live event client that stopped reading");
                    break;
                }
                long dropped = queue.takeDropped();
                if (dropped > 0) client.sendComment("dropped " + dropped + " events: this client reads too slowly");
                if (e == null) client.sendComment("keep-alive"); // also finds clients that went away
                else client.sendEvent("recognition", toJson(e), e.eventId());
                queue.progress();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            unsubscribe.run();
            sseSlots.release();
            client.close();
        }
    }

    /**
     * Live stream limits: events queued per client (a full queue drops its oldest), how long a client may take no
     * event at all while its queue is full before it is cut off, and clients at once.
     */
    public GalleryApi sseLimits(int queue, long maxStallMs, int maxClients) {
        if (queue < 1 || maxClients < 1 || maxStallMs < 1)
            throw new IllegalArgumentException("gallery.sse-queue, gallery.sse-max-stall and gallery.sse-max-clients must be positive");
        this.sseQueue = queue;
        this.sseMaxStallMs = maxStallMs;
        this.sseMaxClients = maxClients;
        this.sseSlots = new java.util.concurrent.Semaphore(maxClients);
        return this;
    }

    static final List<String> METHOD_OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private void authorize(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS || ctx.method() == HandlerType.HEAD) return; // HEAD: checked in before()
        authorize(ctx, ctx.routeRoles());
    }

    private void authorize(Context ctx, Set<? extends RouteRole> roles) {
        if (roles.isEmpty()) return; // static files and the OpenAPI document
        long declared = ctx.req().getContentLengthLong();
        if (declared > service.limits().maxRequestBytes())
            throw new ApiException(413, "request_too_large", "request has " + declared + " bytes, limit "
                    + service.limits().maxRequestBytes());
        String presented = ctx.header(KEY_HEADER);
        ApiKeys.Key key = presented == null || presented.isBlank() ? null : keys.authenticate(presented.strip());
        // throttle per key, and per remote address for requests without a valid key (slows key guessing)
        long wait = limiter.acquire(key != null ? "key:" + key.name() : "ip:" + ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, "rate_limited", "too many requests; retry after " + wait + " s");
        }
        if (presented == null || presented.isBlank())
            throw new ApiException(401, "missing_api_key", "send an API key in the " + KEY_HEADER + " header");
        if (key == null) throw new ApiException(401, "invalid_api_key", "the API key is not valid");
        Scope needed = roles.contains(Scope.ADMIN) ? Scope.ADMIN : Scope.READ;
        if (!key.scope().allows(needed))
            throw new ApiException(403, "insufficient_scope", "this API key has scope " + key.scope().name().toLowerCase(Locale.ROOT)
                    + "; " + needed.name().toLowerCase(Locale.ROOT) + " is required");
        ctx.attribute("unveil.key", key.name());
    }

    private void create(Context ctx) {
        requireMultipart(ctx);
        Map<String, String> meta = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (k.startsWith("meta.") && !v.isEmpty()) {
                if (meta.size() >= 20) throw new ApiException(400, "too_much_metadata", "at most 20 metadata fields");
                String val = v.get(0);
                if (k.length() > 64 || val.length() > 500) throw new ApiException(400, "invalid_metadata", "metadata key or value too long");
                meta.put(k.substring(5), val);
            }
        });
        GalleryService.Outcome o = service.create(ctx.formParam("name"), uploads(ctx), meta);
        ctx.status(201).json(outcome(ctx, o));
    }

    /** A JSON object body (null for "null") of at most min(max request, 1 MiB) bytes; 413 when larger, 400 when not an object. */
    private Map<?, ?> jsonObject(Context ctx) {
        long maxJson = Math.min(service.limits().maxRequestBytes(), 1L << 20);
        if (ctx.req().getContentLengthLong() > maxJson)
            throw new ApiException(413, "request_too_large", "a JSON body is at most " + maxJson + " bytes");
        try {
            return Json.MAPPER.readerFor(Map.class)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(ctx.bodyAsBytes());
        } catch (IOException | RuntimeException e) {
            // a chunked body without a length is cut off by Javalin's maxRequestSize: that is 413, not bad JSON
            if (e.getClass().getSimpleName().contains("TooLarge") || String.valueOf(e.getMessage()).contains("exceeds"))
                throw new ApiException(413, "request_too_large", "a JSON body is at most " + maxJson + " bytes");
            throw new ApiException(400, "malformed_json", "body must be a JSON object like {\"name\": \"...\"}");
        }
    }

    /** Faces of one unknown taken from the recent events at most ("this is X" enrolls these). */
    static final int IDENTIFY_FACES = 10;
    /** Recent events of the unknown looked at (one track gives several events with the same face: duplicates are dropped). */
    static final int IDENTIFY_SCAN = 200;

    /**
     * "This unknown is X": the distinct aligned faces of the unknown's recent events (the feed's buffer) are added to
     * identity {@code identityId}, or enroll a new person {@code name}, through the same quality gate as uploads.
     */
    private void identify(Context ctx) {
        Map<?, ?> body = jsonObject(ctx);
        String unknown = ctx.pathParam("unknownId");
        Object id = body == null ? null : body.get("identityId"), name = body == null ? null : body.get("name");
        if ((id == null) == (name == null) || !(id == null || id instanceof String) || !(name == null || name instanceof String))
            throw new ApiException(400, "identity_or_name", "body must hold either a string 'identityId' (add to that person) or a string 'name' (a new person)");
        List<GalleryService.Upload> faces = new ArrayList<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (RecognitionEvent e : feed.query(e -> unknown.equals(e.unknownId()) && e.thumbnails() != null && e.thumbnails().aligned() != null,
                IDENTIFY_SCAN)) {
            if (faces.size() >= IDENTIFY_FACES) break;
            if (seen.add(java.util.Arrays.hashCode(e.thumbnails().aligned())))
                faces.add(new GalleryService.Upload(unknown + "-" + e.eventId() + ".png", e.thumbnails().aligned()));
        }
        if (faces.isEmpty())
            throw new ApiException(404, "unknown_not_found", "no recent event of " + unknown + " has a face image (the page keeps the last "
                    + "events of the feed only); enroll the person with photos instead");
        GalleryService.Outcome o = service.enrollAligned((String) id, (String) name, faces, Map.of("from", unknown));
        Map<String, Object> m = outcome(o);
        m.put("unknownId", unknown);
        m.put("faces", faces.size());
        ctx.status(id != null ? 200 : 201).json(m);
    }

    /** Serves GET /cameras and their snapshots from this store. */
    public GalleryApi cameras(CameraSnapshots snapshots) {
        this.cameras = snapshots;
        return this;
    }

    private List<CameraView> cameraList() {
        CameraSnapshots c = cameras;
        return c == null ? List.of() : c.list().stream().map(CameraView::of).toList();
    }

    private void snapshot(Context ctx) {
        String id = ctx.pathParam("id");
        CameraSnapshots c = cameras;
        Snapshot s = c == null ? null : c.get(id);
        if (s == null) {
            List<String> known = c == null ? List.of() : c.list().stream().map(Snapshot::cameraId).toList();
            throw new ApiException(404, "camera_not_found", "no frame from camera '" + id + "' yet"
                    + (known.isEmpty() ? " (no camera has sent one)" : "; cameras with a snapshot: " + String.join(", ", known)));
        }
        ctx.header("X-Capture-Time-Ms", Long.toString(s.captureTimeMs()));
        ctx.contentType("image/jpeg").result(s.jpeg());
    }

    /** Serves POST /recognize with this recognizer (or refuses it with 503 and {@code reason}). */
    public GalleryApi recognizer(PhotoRecognizer r, String reason) {
        this.recognizer = r;
        if (reason != null) this.noRecognizer = reason;
        return this;
    }

    /** One image (multipart field 'image', the enrollment limits) in; every face with box, score, closest identity and similarity out. */
    private void recognize(Context ctx) {
        PhotoRecognizer r = recognizer;
        if (r == null) throw new ApiException(503, "recognition_unavailable", noRecognizer);
        requireMultipart(ctx);
        List<UploadedFile> files = ctx.uploadedFiles("image");
        if (files.size() != 1) throw new ApiException(400, "one_image", "send exactly one image file in the multipart field 'image' (got " + files.size() + ")");
        var image = service.decodeOne(read(files.get(0), service.limits().maxImageBytes()));
        List<Map<String, Object>> faces = new ArrayList<>();
        var gallery = service.store().list();
        for (PhotoRecognizer.Found f : r.recognize(image, gallery)) {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> box = new LinkedHashMap<>();
            box.put("x", Math.round(f.box().x()));
            box.put("y", Math.round(f.box().y()));
            box.put("width", Math.round(f.box().width()));
            box.put("height", Math.round(f.box().height()));
            m.put("box", box);
            m.put("score", f.score());
            m.put("known", f.known());
            m.put("identityId", f.known() ? f.identityId() : null);
            m.put("name", f.known() ? f.name() : null);
            m.put("similarity", f.similarity());
            m.put("condition", f.condition());
            m.put("region", f.region());
            m.put("threshold", f.threshold());
            m.put("centroid", f.centroid());
            if (f.identityId() != null) {
                Map<String, Object> closest = new LinkedHashMap<>();
                closest.put("identityId", f.identityId());
                closest.put("name", f.name());
                closest.put("similarity", f.similarity());
                m.put("closest", closest);
            }
            faces.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("width", image.width());
        body.put("height", image.height());
        body.put("threshold", r.threshold(gallery));
        body.put("faces", faces);
        ctx.json(body);
    }

    private void rename(Context ctx) {
        Map<?, ?> body = jsonObject(ctx);
        Object name = body == null ? null : body.get("name");
        if (!(name instanceof String s)) throw new ApiException(400, "missing_name", "body must contain a string 'name'");
        Long ifMatch = Versions.ifMatch(ctx.header("If-Match"));
        ctx.json(IdentityView.of(tagged(ctx, service.rename(ctx.pathParam("id"), s, ifMatch))));
    }

    private void requireMultipart(Context ctx) {
        if (!ctx.isMultipartFormData())
            throw new ApiException(415, "unsupported_media_type", "send multipart/form-data (fields: name, images or clip)");
        try {
            ctx.uploadedFiles(); // parse once here so a broken body is a 400, not a 500 later
        } catch (IllegalStateException e) {
            throw new ApiException(413, "request_too_large", "request exceeds the upload limit ("
                    + service.limits().maxRequestBytes() + " bytes per request, " + service.limits().maxImageBytes()
                    + " per image)");
        } catch (Exception e) { // Jetty's IOException arrives unchecked through Kotlin
            Throwable c = e;
            while (c.getCause() != null && c.getCause() != c) c = c.getCause();
            throw new ApiException(400, "malformed_multipart", "the multipart body cannot be parsed: " + c.getMessage());
        }
    }

    private List<GalleryService.Upload> uploads(Context ctx) {
        List<GalleryService.Upload> out = new ArrayList<>();
        for (UploadedFile f : ctx.uploadedFiles("images")) out.add(read(f, service.limits().maxImageBytes()));
        return out;
    }

    private GalleryService.Upload clip(Context ctx) {
        UploadedFile f = ctx.uploadedFile("clip");
        if (f == null) throw new ApiException(400, "no_clip", "a video file is required (multipart field 'clip')");
        return read(f, service.limits().maxClipBytes());
    }

    private static GalleryService.Upload read(UploadedFile f, long limit) {
        if (f.size() > limit)
            throw new ApiException(413, "file_too_large", f.filename() + " has " + f.size() + " bytes, limit " + limit);
        try (InputStream in = f.content()) {
            return new GalleryService.Upload(f.filename(), in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the entry's version as the response's ETag. */
    private static GalleryEntry tagged(Context ctx, GalleryEntry e) {
        ctx.header("ETag", Versions.etag(e.version()));
        return e;
    }

    private static Map<String, Object> outcome(Context ctx, GalleryService.Outcome o) {
        tagged(ctx, o.entry());
        return outcome(o);
    }

    private static Map<String, Object> outcome(GalleryService.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identity", IdentityView.of(o.entry()));
        m.put("added", o.result().added());
        m.put("images", o.result().images());
        m.put("similarIdentities", o.similar());
        return m;
    }

    static Predicate<RecognitionEvent> filter(Context ctx) {
        String camera = ctx.queryParam("camera");
        String identity = ctx.queryParam("identity");
        String unknown = ctx.queryParam("unknown");
        String type = ctx.queryParam("type");
        long since = longParam(ctx, "since", Long.MIN_VALUE);
        return e -> (camera == null || camera.equals(e.cameraId()))
                && (identity == null || identity.equals(e.identityId()))
                && (unknown == null || unknown.equals(e.unknownId()))
                && (type == null || type.equalsIgnoreCase(e.type()))
                && e.captureTimeMs() >= since;
    }

    static int intParam(Context ctx, String name, int def, int min, int max) {
        String s = ctx.queryParam(name);
        if (s == null) return def;
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_parameter", "'" + name + "' must be an integer from " + min + " to " + max);
        }
    }

    static long longParam(Context ctx, String name, long def) {
        String s = ctx.queryParam(name);
        if (s == null) return def;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_parameter", "'" + name + "' must be epoch milliseconds");
        }
    }

    private static String toJson(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP status of a refusal of the gallery service. */
    static int status(GalleryException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case TOO_LARGE -> 413;
            case NOT_FOUND -> 404;
            case NOT_USABLE -> 422;
            case VERSION_MISMATCH -> 412;
            case CONFLICT -> 409;
        };
    }

    private static void error(Context ctx, int status, String code, String reason, Object details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", code);
        body.put("reason", reason);
        if (details != null) body.put("details", details);
        ctx.attribute(HANDLED, true);
        ctx.status(status).json(body);
    }

    private static String openApi() throws IOException {
        try (InputStream in = GalleryApi.class.getResourceAsStream("/io/unveil/gallery/openapi.json")) {
            if (in == null) throw new IllegalStateException("openapi.json missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Binds the API to {@code host:port}. A port already in use fails here with a {@link java.net.BindException} as the
     * cause (what {@code PortInUseException.isBindFailure} looks for) before Javalin starts: Javalin logs "Failed to
     * start Javalin" at ERROR before it throws, a line above the CLI's one-line error naming the port and the setting.
     * Bound with SO_REUSEADDR as Jetty binds, so a port Jetty could take passes; another failure is Javalin's to report.
     */
    public GalleryApi start(String host, int port) {
        if (port != 0) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress(host, port));
            } catch (java.net.BindException e) {
                throw new IllegalStateException("port " + port + " on " + host + " is already in use", e);
            } catch (IOException e) {
                // not a busy port (an unknown host, say): Javalin's start below reports it
            }
        }
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public GalleryEntry get(String id) {
        return service.store().get(id);
    }

    @Override
    public void close() {
        app.stop();
    }
}
