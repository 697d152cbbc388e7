package io.unveil.gallery;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.ImageHeader;
import io.unveil.core.image.Images;
import io.unveil.core.record.GalleryEntry;
import io.unveil.gallery.api.UploadLimits;
import io.unveil.gallery.enroll.ClipEnroller;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentResult;
import io.unveil.gallery.store.GalleryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Enrollment use cases on top of the gallery store: create an identity from images or a clip, add images, rename,
 * delete. Privacy by default: uploaded images and clips are processed in memory (clips in a temp file deleted at
 * once) and only the centroid is kept; with {@code keepImagesDir} set, accepted images are also stored there.
 */
public final class GalleryService {
    public record Upload(String filename, byte[] bytes) {
    }

    public record Outcome(GalleryEntry entry, EnrollmentResult result) {
    }

    private final GalleryStore store;
    private final Enroller enroller;
    private final ClipEnroller clips;
    private final UploadLimits limits;
    private final Path keepImagesDir;
    private final SecureRandom random = new SecureRandom();
    private final IdentityLocks locks = new IdentityLocks(64);

    public GalleryService(GalleryStore store, Enroller enroller, ClipEnroller clips, UploadLimits limits, Path keepImagesDir) {
        this.store = store;
        this.enroller = enroller;
        this.clips = clips;
        this.limits = limits;
        this.keepImagesDir = keepImagesDir;
    }

    public GalleryStore store() {
        return store;
    }

    public UploadLimits limits() {
        return limits;
    }

    public static String validName(String name) {
        if (name == null || name.isBlank()) throw new GalleryException(GalleryException.Kind.INVALID, "missing_name", "a non-empty 'name' is required");
        String n = name.strip();
        if (n.length() > 200) throw new GalleryException(GalleryException.Kind.INVALID, "invalid_name", "name is longer than 200 characters");
        if (n.chars().anyMatch(Character::isISOControl)) throw new GalleryException(GalleryException.Kind.INVALID, "invalid_name", "name contains control characters");
        // bidi embeddings/overrides/isolates (U+202A-202E, U+2066-2069) make a name display as another one
        if (n.chars().anyMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)))
            throw new GalleryException(GalleryException.Kind.INVALID, "invalid_name", "name contains bidirectional override characters");
        // a name must show something: not only zero-width / format characters (U+200B, U+200D, U+FEFF, ...) and spaces
        if (n.codePoints().allMatch(c -> Character.getType(c) == Character.FORMAT || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || c == 0x200B))
            throw new GalleryException(GalleryException.Kind.INVALID, "invalid_name", "name has no visible characters");
        return n;
    }

    String newId(String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 40) slug = slug.substring(0, 40);
        byte[] b = new byte[4];
        random.nextBytes(b);
        return (slug.isEmpty() ? "id" : slug) + "-" + HexFormat.of().formatHex(b);
    }

    /**
     * Checks every image's bytes and declared size against the limits first (413 before anything is decoded: the
     * sum of declared pixels is the request's memory budget), then decodes them one by one.
     */
    List<Enroller.Input> decode(List<Upload> uploads) {
        if (uploads.isEmpty()) throw new GalleryException(GalleryException.Kind.INVALID, "no_images", "at least one image file is required (multipart field 'images')");
        if (uploads.size() > enroller.policy().maxImages())
            throw new GalleryException(GalleryException.Kind.TOO_LARGE, "too_many_images", "at most " + enroller.policy().maxImages() + " images per request, got " + uploads.size());
        List<int[]> sizes = new ArrayList<>();
        long pixels = 0;
        for (Upload u : uploads) {
            String src = u.filename() == null ? "image" : u.filename();
            if (u.bytes().length > limits.maxImageBytes())
                throw new GalleryException(GalleryException.Kind.TOO_LARGE, "image_too_large", src + " has " + u.bytes().length + " bytes, limit " + limits.maxImageBytes());
            int[] wh = u.bytes().length == 0 ? null : ImageHeader.dimensions(u.bytes());
            if (wh != null && (wh[0] > limits.maxImageSide() || wh[1] > limits.maxImageSide()))
                throw new GalleryException(GalleryException.Kind.TOO_LARGE, "image_dimensions", src + " is " + wh[0] + "x" + wh[1] + ", at most "
                        + limits.maxImageSide() + " px per side accepted");
            if (wh != null && wh[0] > 0 && wh[1] > 0) pixels += (long) wh[0] * wh[1];
            sizes.add(wh);
        }
        if (pixels > limits.maxRequestPixels())
            throw new GalleryException(GalleryException.Kind.TOO_LARGE, "too_many_pixels", "the images of this request declare " + pixels
                    + " pixels in all, at most " + limits.maxRequestPixels() + " per request (send fewer or smaller images)");
        List<Enroller.Input> out = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String src = u.filename() == null ? "image" : u.filename();
            int[] wh = sizes.get(i);
            if (wh == null) {
                out.add(new Enroller.Input(src, null, "only JPEG and PNG images are accepted"));
                continue;
            }
            if (wh[0] < limits.minImageSide() || wh[1] < limits.minImageSide()) {
                out.add(new Enroller.Input(src, null, "image is " + wh[0] + "x" + wh[1] + ", at least "
                        + limits.minImageSide() + " px per side needed"));
                continue;
            }
            try {
                out.add(new Enroller.Input(src, Images.decode(u.bytes()), null));
            } catch (ImageDecodeException e) {
                out.add(new Enroller.Input(src, null, e.getMessage()));
            }
        }
        return out;
    }

    public Outcome create(String name, List<Upload> images, Map<String, String> metadata) {
        String n = validName(name);
        EnrollmentResult r = enroller.enroll(decode(images), null);
        return save(null, n, r, metadata, images);
    }

    /** Detection and embedding run unlocked; the merge into the current entry runs under the identity's lock. */
    public Outcome addImages(String id, List<Upload> images) {
        require(id);
        Enroller.Prepared p = enroller.prepare(decode(images));
        return locks.with(id, () -> {
            GalleryEntry e = require(id); // re-read: another add or a delete may have been acknowledged meanwhile
            return save(e, e.name(), enroller.merge(p, e), null, images);
        });
    }

    public Outcome createFromClip(String name, Upload clip, String existingId) {
        GalleryEntry existing = existingId == null ? null : require(existingId);
        String n = existing == null ? validName(name) : existing.name();
        if (clip.bytes().length == 0) throw new GalleryException(GalleryException.Kind.INVALID, "no_clip", "a video file is required (multipart field 'clip')");
        if (clip.bytes().length > limits.maxClipBytes())
            throw new GalleryException(GalleryException.Kind.TOO_LARGE, "clip_too_large", "clip has " + clip.bytes().length + " bytes, limit " + limits.maxClipBytes());
        Path tmp = null;
        Enroller.Prepared p;
        try {
            tmp = Files.createTempFile("unveil-clip", ".bin");
            Files.write(tmp, clip.bytes());
            p = clips.prepare(tmp);
        } catch (ClipEnroller.ClipTooLargeException e) {
            throw new GalleryException(GalleryException.Kind.TOO_LARGE, "clip_too_large", e.getMessage());
        } catch (IllegalArgumentException e) {
            // FFmpeg's messages name the file: never show a client the server's temp path
            throw new GalleryException(GalleryException.Kind.INVALID, "bad_clip", String.valueOf(e.getMessage()).replace(tmp.toString(), "the clip"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // temp dir cleanup
            }
        }
        if (existing == null) return save(null, n, enroller.merge(p, null), null, List.of());
        return locks.with(existingId, () -> {
            GalleryEntry e = require(existingId);
            return save(e, e.name(), enroller.merge(p, e), null, List.of());
        });
    }

    private Outcome save(GalleryEntry existing, String name, EnrollmentResult r, Map<String, String> metadata, List<Upload> uploads) {
        if (!r.ok())
            throw new GalleryException(GalleryException.Kind.NOT_USABLE, "no_usable_image", "no image passed the quality gate and outlier check", r.images());
        long now = System.currentTimeMillis();
        Map<String, String> meta = new LinkedHashMap<>();
        if (existing != null && existing.metadata() != null) meta.putAll(existing.metadata());
        if (metadata != null) meta.putAll(metadata);
        meta.put("model", enroller.modelVersion());
        GalleryEntry e = new GalleryEntry(existing == null ? newId(name) : existing.id(), name, r.centroid(), r.count(),
                r.meanQuality(), existing == null ? 1 : existing.version() + 1, existing == null ? now : existing.createdMs(),
                now, meta, r.occludedCentroids());
        store.put(e);
        if (keepImagesDir != null) keep(e.id(), r, uploads);
        return new Outcome(e, r);
    }

    private void keep(String id, EnrollmentResult r, List<Upload> uploads) {
        try {
            Path dir = Files.createDirectories(keptDir(id));
            for (Upload u : uploads) {
                boolean accepted = r.images().stream().anyMatch(o -> o.accepted() && o.source().equals(u.filename()));
                if (accepted) Files.write(dir.resolve(System.nanoTime() + "-" + u.filename().replaceAll("[^A-Za-z0-9._-]", "_")), u.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep enrollment images", e);
        }
    }

    public GalleryEntry rename(String id, String name) {
        String n = validName(name);
        return locks.with(id, () -> {
            GalleryEntry e = require(id);
            GalleryEntry renamed = new GalleryEntry(e.id(), n, e.centroid(), e.count(), e.meanQuality(), e.version() + 1,
                    e.createdMs(), System.currentTimeMillis(), e.metadata(), e.occludedCentroids());
            store.put(renamed);
            return renamed;
        });
    }

    /** The tombstone is written under the identity's lock: no write that read the entry before it can follow it. */
    public void delete(String id) {
        boolean deleted = locks.with(id, () -> store.delete(id));
        if (!deleted) throw new GalleryException(GalleryException.Kind.NOT_FOUND, "not_found", "no identity with id '" + id + "'");
        if (keepImagesDir != null) {
            Path dir = keptDir(id);
            try (var files = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** The folder of an identity's kept images; an id that would leave keepImagesDir (../, /, NUL) is refused. */
    Path keptDir(String id) {
        Path root = keepImagesDir.toAbsolutePath().normalize();
        if (id == null || id.isEmpty() || id.indexOf('\0') >= 0 || id.contains("/") || id.contains("\\") || id.startsWith("."))
            throw new GalleryException(GalleryException.Kind.INVALID, "invalid_id", "identity id is not usable as a folder name");
        Path dir = root.resolve(id).normalize();
        if (!dir.getParent().equals(root)) throw new GalleryException(GalleryException.Kind.INVALID, "invalid_id", "identity id is not usable as a folder name");
        return dir;
    }

    public GalleryEntry require(String id) {
        GalleryEntry e = store.get(id);
        if (e == null) throw new GalleryException(GalleryException.Kind.NOT_FOUND, "not_found", "no identity with id '" + id + "'");
        return e;
    }
}
