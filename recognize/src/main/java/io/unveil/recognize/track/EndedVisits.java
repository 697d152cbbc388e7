package io.unveil.recognize.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The tracker tracks whose visit has ended recently, so that a late face of such a track is recognized as late instead
 * of opening a second visit. Faces reach the recognizer out of capture-time order: the inpaint stage holds occluded
 * faces for a batch while plain faces pass, so a masked visit's last face can arrive after a later face of its camera
 * has already ended the visit by the gap rule (or after the quiet timeout). Before this, that late face opened a
 * one-face visit that ended at once: 13 visits with two ENDED events in the live evaluation (seed 1, robust model, 133
 * ENDED for 120 visits).
 * <p>
 * A face of an ended visit's track with a capture time less than a gap after the visit's last face belongs to that
 * visit (the visit rule would have kept it open); later faces of the same track are a new visit, as the gap rule says.
 * Only visits ended by the gap rule are remembered (see {@code FaceProcessor.finish}): after a quiet-timeout end the
 * next faces are in order, the pipeline having stalled, and start a new visit.
 * Entries are forgotten once their camera is {@value #HORIZON_GAPS} gaps past them (30 s with the 3 s default gap: the
 * inpaint batch delays a face by a few seconds, not by half a minute), and at most {@code maxEntries} are kept (oldest
 * dropped first).
 * <p>
 * With a store (the recognize stage's changelogged {@code recognize-ended-visits}, key {@code camera/track}, value the
 * visit's last capture time) every mark and every forgetting is written through to it and a new instance starts from
 * what it holds, so the marks outlive a restart or a task moving to another worker like the visits themselves, and an
 * aborted transaction takes them back to the last commit with the visits. Kept in memory as well: the per-face check
 * and the end order the bound needs stay a map lookup.
 */
public final class EndedVisits {
    private record Key(String cameraId, long trackId) {
        String stored() {
            return cameraId + "/" + trackId;
        }

        /** The camera id may hold '/', the track id is a number: the last '/' splits them. */
        static Key parse(String stored) {
            int cut = stored.lastIndexOf('/');
            return new Key(stored.substring(0, cut), Long.parseLong(stored.substring(cut + 1)));
        }
    }

    /** How many visit gaps of camera time an ended track is remembered for. */
    public static final int HORIZON_GAPS = 10;
    private final int maxEntries;
    /** Per ended track: the capture time of its visit's last face; insertion order = end order. */
    private final LinkedHashMap<Key, Long> ended = new LinkedHashMap<>();
    /** Where the marks are kept across restarts; null: in memory only. */
    private final KeyValueStore<String, Long> store;

    /** In memory only. */
    public EndedVisits(int maxEntries) {
        this(maxEntries, null);
    }

    /** Starts from the marks {@code store} holds (oldest end first by last capture time) and writes through to it. */
    public EndedVisits(int maxEntries, KeyValueStore<String, Long> store) {
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be >= 1");
        this.maxEntries = maxEntries;
        this.store = store;
        if (store == null) return;
        List<KeyValue<String, Long>> kept = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            while (it.hasNext()) kept.add(it.next());
        }
        kept.sort(Comparator.comparingLong(kv -> kv.value));
        for (KeyValue<String, Long> kv : kept) remember(Key.parse(kv.key), kv.value);
    }

    /** Remembers that the visit now following tracker track {@code t.detectorTrackId} has ended. */
    public void ended(TrackState t) {
        if (t.detectorTrackId < 0) return; // untracked faces are one-face visits: no later face can belong to them
        Key k = new Key(t.cameraId, t.detectorTrackId);
        ended.remove(k);
        remember(k, t.lastCaptureMs);
        if (store != null) store.put(k.stored(), t.lastCaptureMs);
    }

    private void remember(Key k, long lastCaptureMs) {
        ended.put(k, lastCaptureMs);
        if (ended.size() > maxEntries) {
            Iterator<Map.Entry<Key, Long>> it = ended.entrySet().iterator();
            Key oldest = it.next().getKey();
            it.remove();
            if (store != null) store.delete(oldest.stored());
        }
    }

    /** Whether a face of this camera and tracker track, captured at {@code captureMs}, belongs to a visit that has ended. */
    public boolean isLate(String cameraId, long trackId, long captureMs, long gapMs) {
        Long last = ended.get(new Key(cameraId, trackId));
        return last != null && captureMs < last + gapMs;
    }

    /** Forgets, in one pass, the entries whose camera's latest capture time ({@code cameraTimes}) is {@value #HORIZON_GAPS} gaps past them. */
    public void forget(Map<String, Long> cameraTimes, long gapMs) {
        ended.entrySet().removeIf(e -> {
            Long camera = cameraTimes.get(e.getKey().cameraId());
            boolean past = camera != null && camera - e.getValue() >= HORIZON_GAPS * gapMs;
            if (past && store != null) store.delete(e.getKey().stored());
            return past;
        });
    }

    public int size() {
        return ended.size();
    }
}
