package io.unveil.gallery.role;

import io.unveil.core.config.Settings;
import io.unveil.core.config.UnveilHome;
import io.unveil.core.runtime.Role;
import io.unveil.core.runtime.RoleContext;
import io.unveil.gallery.GalleryService;
import io.unveil.gallery.api.ApiKeys;
import io.unveil.gallery.api.GalleryApi;
import io.unveil.gallery.api.Scope;
import io.unveil.gallery.api.UploadLimits;
import io.unveil.gallery.enroll.ClipEnroller;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentPolicy;
import io.unveil.gallery.events.EventFeed;
import io.unveil.gallery.events.KafkaEventSource;
import io.unveil.gallery.store.KafkaGalleryStore;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.pipeline.FaceChips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code gallery}: the enrollment service. Owns {@code unveil.gallery} (compacted), serves the REST API and the
 * web page ({@code gallery.host}, default 127.0.0.1; {@code gallery.port}, default 8080) and relays
 * {@code unveil.events} to API clients. API keys: {@code gallery.api-keys-file} (lines NAME SCOPE sha256:HEX),
 * {@code gallery.admin-key} / {@code gallery.read-key} (plain, hashed at start); with none configured an admin key is
 * generated once into {@code ~/.cache/unveil/gallery-admin.key} (owner-only), which the CLI reads by default.
 */
public final class GalleryRole implements Role {
    private static final Logger log = LoggerFactory.getLogger(GalleryRole.class);
    private final List<AutoCloseable> open = new ArrayList<>();
    private GalleryApi api;

    @Override
    public String name() {
        return "gallery";
    }

    public static Path defaultAdminKeyFile() {
        return UnveilHome.dir().resolve("gallery-admin.key");
    }

    public static ApiKeys keys(Settings s) {
        List<ApiKeys.Key> keys = new ArrayList<>();
        String file = s.string("gallery.api-keys-file", null);
        if (file != null) keys.addAll(ApiKeys.readFile(Path.of(file)));
        String admin = s.string("gallery.admin-key", null);
        if (admin != null) keys.add(ApiKeys.fromPlain("admin", Scope.ADMIN, admin));
        String read = s.string("gallery.read-key", null);
        if (read != null) keys.add(ApiKeys.fromPlain("read", Scope.READ, read));
        if (keys.isEmpty()) {
            Path f = Path.of(s.string("gallery.admin-key-file", defaultAdminKeyFile().toString()));
            keys.add(ApiKeys.bootstrapAdmin(f));
            log.warn("gallery: no API keys configured; admin key is in {}", f);
        }
        return new ApiKeys(keys);
    }

    @Override
    public void start(RoleContext ctx) {
        Settings s = ctx.settings();
        FaceChips chips = FaceChips.faceApi();
        open.add(chips.analyzer());
        Embedder embedder = FaceApiEmbedder.load();
        open.add(embedder);
        Enroller enroller = new Enroller(chips, embedder, EnrollmentPolicy.from(s));
        ClipEnroller clips = new ClipEnroller(enroller, chips, s.integer("gallery.clip-sampled-frames", 40),
                s.integer("gallery.clip-best-frames", 8), s.decimal("gallery.clip-max-seconds", 20),
                s.longValue("gallery.max-clip-pixels", ClipEnroller.DEFAULT_MAX_CLIP_PIXELS));
        KafkaGalleryStore store = new KafkaGalleryStore(ctx.producerProperties("unveil-gallery"), ctx.clientProperties());
        open.add(store);
        ctx.health("gallery-store", store::ready);
        EventFeed feed = new EventFeed(s.integer("gallery.events-buffer", 1000));
        open.add(new KafkaEventSource(ctx.clientProperties(), feed, s.integer("gallery.events-backfill", 200)));
        String keep = s.string("gallery.keep-images-dir", null);
        GalleryService service = new GalleryService(store, enroller, clips, UploadLimits.from(s), keep == null ? null : Path.of(keep));
        api = new GalleryApi(service, feed, keys(s), io.unveil.gallery.api.RateLimiter.from(s))
                .sseLimits(s.integer("gallery.sse-queue", 256),
                        s.duration("gallery.sse-max-stall", java.time.Duration.ofSeconds(10)).toMillis(),
                        s.integer("gallery.sse-max-clients", 64)).start(s.string("gallery.host", "127.0.0.1"), s.integer("gallery.port", 8080));
        log.info("gallery: API and web page on http://{}:{}/", s.string("gallery.host", "127.0.0.1"), api.port());
    }

    public int port() {
        return api == null ? -1 : api.port();
    }

    @Override
    public void close() {
        if (api != null) api.close();
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                log.warn("gallery: close failed: {}", e.toString());
            }
        }
        open.clear();
    }
}
