package io.unveil.research.eval.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of the live video: every shown photo of every person, with round(share x n) of each side's photos
 * (enrolled, strangers) chosen to be occluded, shuffled with the seed so neither the people nor the occluded photos
 * come in runs.
 */
public final class LivePlan {
    /** One photo to show, of whom, and whether an occluder is to be drawn on it. */
    public record Shot(LiveCast.Person person, Path photo, boolean occlude) {
    }

    private LivePlan() {
    }

    public static List<Shot> shots(LiveCast cast, double occludedShare, long seed) {
        Random rng = new Random(seed ^ 0x5DEECE66DL);
        List<Shot> all = new ArrayList<>();
        all.addAll(side(cast.enrolled(), occludedShare, rng));
        all.addAll(side(cast.strangers(), occludedShare, rng));
        Collections.shuffle(all, rng);
        return List.copyOf(all);
    }

    private static List<Shot> side(List<LiveCast.Person> people, double share, Random rng) {
        List<Shot> plain = new ArrayList<>();
        for (LiveCast.Person p : people) for (Path photo : p.shownPhotos()) plain.add(new Shot(p, photo, false));
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) idx.add(i);
        Collections.shuffle(idx, rng);
        int occluded = (int) Math.round(share * plain.size());
        List<Shot> out = new ArrayList<>(plain);
        for (int k = 0; k < occluded; k++) {
            Shot s = plain.get(idx.get(k));
            out.set(idx.get(k), new Shot(s.person(), s.photo(), true));
        }
        return out;
    }
}
