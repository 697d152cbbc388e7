package io.unveil.research.eval.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The people of a live test, picked by identity from a labelled set with a seed: enrolled people (K enrollment photos
 * and other photos shown to the camera) and strangers (only shown). Identities and photos are shuffled in sorted order,
 * so one seed gives the same people and the same photos on every machine.
 */
public record LiveCast(List<Person> enrolled, List<Person> strangers) {
    /** One person: the photos the gallery API gets (empty for a stranger) and the photos the camera shows. */
    public record Person(String identity, boolean enrolled, List<Path> enrollPhotos, List<Path> shownPhotos) {
    }

    public static LiveCast pick(Map<String, List<Path>> byIdentity, int enrolled, int strangers, int enrollPhotos, int shownPhotos, long seed) {
        if (enrolled < 0 || strangers < 0 || enrollPhotos < 1 || shownPhotos < 1)
            throw new IllegalArgumentException("need enrolled >= 0, strangers >= 0, enrollment photos >= 1 and shown photos >= 1");
        Random rng = new Random(seed);
        List<String> ids = new ArrayList<>(byIdentity.keySet());
        Collections.sort(ids);
        Collections.shuffle(ids, rng);
        List<Person> in = new ArrayList<>(), out = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String id : ids) {
            List<Path> photos = new ArrayList<>(byIdentity.get(id));
            Collections.sort(photos);
            Collections.shuffle(photos, new Random(seed * 31 + id.hashCode()));
            if (in.size() < enrolled && photos.size() >= enrollPhotos + shownPhotos) {
                in.add(new Person(id, true, List.copyOf(photos.subList(0, enrollPhotos)),
                        List.copyOf(photos.subList(enrollPhotos, enrollPhotos + shownPhotos))));
            } else {
                rest.add(id);
            }
        }
        for (String id : rest) {
            if (out.size() >= strangers) break;
            List<Path> photos = new ArrayList<>(byIdentity.get(id));
            Collections.sort(photos);
            Collections.shuffle(photos, new Random(seed * 31 + id.hashCode()));
            if (photos.size() >= shownPhotos) out.add(new Person(id, false, List.of(), List.copyOf(photos.subList(0, shownPhotos))));
        }
        if (in.size() < enrolled || out.size() < strangers)
            throw new IllegalArgumentException(String.format("the set has %d identities with %d+ photos to enroll and %d more with %d+ photos"
                            + " for strangers; asked for %d enrolled and %d strangers", in.size(), enrollPhotos + shownPhotos, out.size(),
                    shownPhotos, enrolled, strangers));
        return new LiveCast(List.copyOf(in), List.copyOf(out));
    }

    /** Everyone, enrolled people first. */
    public List<Person> everyone() {
        List<Person> all = new ArrayList<>(enrolled);
        all.addAll(strangers);
        return all;
    }
}
