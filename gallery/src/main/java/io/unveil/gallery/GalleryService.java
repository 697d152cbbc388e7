package io.unveil.gallery;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.ImageHeader;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.GalleryEntry;
import io.unveil.gallery.api.UploadLimits;
import io.unveil.gallery.enroll.ClipEnroller;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentResult;
import io.unveil.gallery.enroll.SimilarIdentities;
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

    /** The identity written, how its images fared, and the other identities the recognizer could take it for. */
    public record Outcome(GalleryEntry entry, EnrollmentResult result, List<SimilarIdentities.Similar> similar) {
        public Outcome(GalleryEntry entry, EnrollmentResult result) {
            this(entry, result, List.of());
        }
    }

    private final GalleryStore store;
    private final Enroller enroller;
    private final ClipEnroller clips;
    private final UploadLimits limits;
    private final Path keepImagesDir;
    private final SecureRandom random = new SecureRandom();
    /** Null: enrollments tell no similar identities (the recognizer's thresholds could not be had). */
    private volatile SimilarIdentities similar;

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

    /** Every enrollment from now on tells the identities {@code s} finds similar to the one enrolled (null: none). */
    public GalleryService similarIdentities(SimilarIdentities s) {
        this.similar = s;
        return this;
    }

    private Outcome outcome(GalleryEntry written, EnrollmentResult r) {
        SimilarIdentities s = similar;
        return new Outcome(written, r, s == null ? List.of() : s.of(written, store.list()));
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

    /** One photo checked against the same limits as an enrollment image and decoded (POST /recognize). */
    public RgbImage decodeOne(Upload upload) {
        if (upload == null) throw new GalleryException(GalleryException.Kind.INVALID, "no_image", "an image file is required (multipart field 'image')");
        Enroller.Input in = decode(List.of(upload)).get(0);
        if (in.image() == null) throw new GalleryException(GalleryException.Kind.INVALID, "not_an_image", in.source() + ": " + in.decodeError());
        return in.image();
    }

    public Outcome create(String name, List<Upload> images, Map<String, String> metadata) {
        String n = validName(name);
        EnrollmentResult r = enroller.enroll(decode(images), null);
        return save(n, r, metadata, images);
    }

    public Outcome addImages(String id, List<Upload> images) {
        return addImages(id, images, null);
    }

    /**
     * Detection and embedding run first, outside any write; the merge into the latest entry is the store's atomic
     * update (recomputed when another add, a rename or a delete was acknowledged meanwhile, in any process).
     *
     * @param ifMatch the version the client last read (HTTP If-Match), null for any
     */
    public Outcome addImages(String id, List<Upload> images, Long ifMatch) {
        require(id);
        Enroller.Prepared p = enroller.prepare(decode(images));
        return merge(id, p, images, ifMatch);
    }

    private Outcome merge(String id, Enroller.Prepared p, List<Upload> images, Long ifMatch) {
        EnrollmentResult[] result = new EnrollmentResult[1];
        GalleryEntry written = write(id, e -> {
            GalleryEntry current = existing(id, e, ifMatch);
            result[0] = enroller.merge(p, current);
            return next(current, current.name(), result[0], null);
        });
        if (keepImagesDir != null) keep(written.id(), result[0], images);
        return outcome(written, result[0]);
    }

    /**
     * Aligned faces (FACE_128 PNGs, e.g. the thumbnails of an unknown's events) into identity {@code id}, or into a new
     * person {@code name} when {@code id} is null ("this unknown is X").
     */
    public Outcome enrollAligned(String id, String name, List<Upload> faces, Map<String, String> metadata) {
        if (id == null) {
            String n = validName(name);
            return save(n, enroller.merge(enroller.prepareAligned(decode(faces)), null), metadata, faces);
        }
        require(id);
        Enroller.Prepared p = enroller.prepareAligned(decode(faces));
        return merge(id, p, faces, null);
    }

    public Outcome createFromClip(String name, Upload clip, String existingId) {
        return createFromClip(name, clip, existingId, null);
    }

    /** @param ifMatch with {@code existingId}: the version the client last read, null for any */
    public Outcome createFromClip(String name, Upload clip, String existingId, Long ifMatch) {
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
        if (existing == null) return save(n, enroller.merge(p, null), null, List.of());
        return merge(existingId, p, List.of(), ifMatch);
    }

    /** A new identity under a new random id. */
    private Outcome save(String name, EnrollmentResult r, Map<String, String> metadata, List<Upload> uploads) {
        GalleryEntry e = next(null, name, r, metadata);
        store.put(e);
        if (keepImagesDir != null) keep(e.id(), r, uploads);
        return outcome(e, r);
    }

    /** The entry that follows {@code existing} (null: a new identity) after enrolling {@code r}. */
    private GalleryEntry next(GalleryEntry existing, String name, EnrollmentResult r, Map<String, String> metadata) {
        if (!r.ok())
            throw new GalleryException(GalleryException.Kind.NOT_USABLE, "no_usable_image", "no image passed the quality gate and outlier check", r.images());
        long now = System.currentTimeMillis();
        Map<String, String> meta = new LinkedHashMap<>();
        if (existing != null && existing.metadata() != null) meta.putAll(existing.metadata());
        if (metadata != null) meta.putAll(metadata);
        meta.put("model", enroller.modelVersion());
        return new GalleryEntry(existing == null ? newId(name) : existing.id(), name, r.centroid(), r.count(),
                r.meanQuality(), existing == null ? 1 : existing.version() + 1, existing == null ? now : existing.createdMs(),
                now, meta, r.occludedCentroids());
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
        return rename(id, name, null);
    }

    /** @param ifMatch the version the client last read (HTTP If-Match), null for any */
    public GalleryEntry rename(String id, String name, Long ifMatch) {
        String n = validName(name);
        return write(id, e -> {
            GalleryEntry current = existing(id, e, ifMatch);
            return new GalleryEntry(current.id(), n, current.centroid(), current.count(), current.meanQuality(),
                    current.version() + 1, current.createdMs(), System.currentTimeMillis(), current.metadata(), current.occludedCentroids());
        });
    }

    public void delete(String id) {
        delete(id, null);
    }

    /**
     * The tombstone is the store's atomic update: no write computed from the entry before it can follow it.
     *
     * @param ifMatch the version the client last read (HTTP If-Match), null for any
     */
    public void delete(String id, Long ifMatch) {
        write(id, e -> {
            existing(id, e, ifMatch);
            return null;
        });
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

    /** The store's atomic update, its lost races in the service's terms. */
    private GalleryEntry write(String id, java.util.function.UnaryOperator<GalleryEntry> change) {
        try {
            return store.update(id, change);
        } catch (io.unveil.gallery.store.ConcurrentWriteException e) {
            throw new GalleryException(GalleryException.Kind.CONFLICT, "write_conflict", e.getMessage() + "; try again");
        }
    }

    /** The latest entry of {@code id}: 404 when there is none, 412 when it is not at {@code ifMatch}. */
    private static GalleryEntry existing(String id, GalleryEntry latest, Long ifMatch) {
        if (latest == null) throw new GalleryException(GalleryException.Kind.NOT_FOUND, "not_found", "no identity with id '" + id + "'");
        if (ifMatch != null && latest.version() != ifMatch)
            throw new GalleryException(GalleryException.Kind.VERSION_MISMATCH, "version_mismatch", "identity '" + id + "' is at version "
                    + latest.version() + ", the request names version " + ifMatch + " (If-Match): read it again and retry");
        return latest;
    }

    public GalleryEntry require(String id) {
        GalleryEntry e = store.get(id);
        if (e == null) throw new GalleryException(GalleryException.Kind.NOT_FOUND, "not_found", "no identity with id '" + id + "'");
        return e;
    }
}
