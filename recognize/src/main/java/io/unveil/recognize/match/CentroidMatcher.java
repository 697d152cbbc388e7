package io.unveil.recognize.match;

import io.unveil.core.record.GalleryEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immutable snapshot of the gallery as one row-major matrix of unit-length centroids. Matching an embedding is one
 * matrix-vector product (n x d times d) with a running top-2, never a per-identity object walk. A new snapshot is built
 * whenever the gallery changes ({@link GalleryIndex}); readers keep using the old one until they pick up the new one.
 */
public final class CentroidMatcher {
    private static final Logger log = LoggerFactory.getLogger(CentroidMatcher.class);
    public static final CentroidMatcher EMPTY = new CentroidMatcher(new String[0], new String[0], new float[0], 0, null);

    private final String[] ids;
    private final String[] names;
    private final float[] matrix;
    private final int dim;
    private final float[] center;

    private CentroidMatcher(String[] ids, String[] names, float[] matrix, int dim, float[] center) {
        this.ids = ids;
        this.names = names;
        this.matrix = matrix;
        this.dim = dim;
        this.center = center;
    }

    /** Builds a snapshot; entries without a usable centroid (null, zero, wrong dimension) are skipped with a warning. */
    public static CentroidMatcher of(Collection<GalleryEntry> entries) {
        return of(entries, null);
    }

    /** With {@code center} (see {@link Vectors#centered}) centroids and queries are compared in the centred space. */
    public static CentroidMatcher of(Collection<GalleryEntry> entries, float[] center) {
        int dim = 0;
        for (GalleryEntry e : entries) {
            if (e != null && e.centroid() != null && e.centroid().length > 0) {
                dim = e.centroid().length;
                break;
            }
        }
        if (dim == 0) return EMPTY;
        List<GalleryEntry> usable = new ArrayList<>(entries.size());
        for (GalleryEntry e : entries) {
            if (e == null) continue;
            if (e.centroid() == null || e.centroid().length != dim || !(Vectors.norm(e.centroid()) > 1e-12f)
                    || (center != null && center.length != dim)) {
                log.warn("gallery entry {} has no usable {}-D centroid; it is not matched", e.id(), dim);
                continue;
            }
            usable.add(e);
        }
        String[] ids = new String[usable.size()];
        String[] names = new String[usable.size()];
        float[] m = new float[usable.size() * dim];
        for (int i = 0; i < usable.size(); i++) {
            GalleryEntry e = usable.get(i);
            ids[i] = e.id();
            names[i] = e.name();
            System.arraycopy(Vectors.centered(e.centroid(), center), 0, m, i * dim, dim);
        }
        return new CentroidMatcher(ids, names, m, dim, center);
    }

    public int size() {
        return ids.length;
    }

    public int dimension() {
        return dim;
    }

    /** Best and second-best identity by cosine similarity. The embedding need not be normalized. */
    public Match match(float[] embedding) {
        if (ids.length == 0) return Match.NONE;
        if (embedding.length != dim)
            throw new IllegalArgumentException("embedding has " + embedding.length + " dimensions, gallery has " + dim);
        float[] q = Vectors.centered(embedding, center);
        int best = -1;
        float s1 = Float.NEGATIVE_INFINITY, s2 = -1f;
        for (int r = 0, off = 0; r < ids.length; r++, off += dim) {
            float s = 0f;
            for (int c = 0; c < dim; c++) s += matrix[off + c] * q[c];
            if (s > s1) {
                s2 = best < 0 ? -1f : s1;
                s1 = s;
                best = r;
            } else if (s > s2) {
                s2 = s;
            }
        }
        return new Match(ids[best], names[best], s1, s2);
    }

    /** Similarity to one identity (or NaN when it is not in this snapshot). */
    public float similarityTo(String identityId, float[] embedding) {
        float[] q = Vectors.centered(embedding, center);
        for (int r = 0; r < ids.length; r++) {
            if (ids[r].equals(identityId)) {
                float s = 0f;
                for (int c = 0; c < dim; c++) s += matrix[r * dim + c] * q[c];
                return s;
            }
        }
        return Float.NaN;
    }
}
