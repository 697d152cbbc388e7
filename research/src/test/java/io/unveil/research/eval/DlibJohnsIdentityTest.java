package io.unveil.research.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.testing.TestData;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.faceapi.Models;
import io.unveil.research.data.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real identity check: dlib's 55 aligned chips of five Johns, leave-one-out nearest neighbour must be right. */
class DlibJohnsIdentityTest {
    @Test
    void leaveOneOutRankOneIsPerfect() {
        LabeledImages set = LabeledImages.load(TestData.set("dlib-johns"));
        FaceApiEmbedder embedder = Models.embedder();
        List<RgbImage> chips = new ArrayList<>();
        for (LabeledImages.Item it : set.items()) chips.add(Images.read(it.file()));
        float[][] d = embedder.embed(chips);
        int n = d.length, correct = 0;
        double sameSum = 0, diffSum = 0, sameMax = 0, diffMin = Double.MAX_VALUE;
        int sameCount = 0, diffCount = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double dist = distance(d[i], d[j]);
                if (dist < bestDist) {
                    bestDist = dist;
                    best = j;
                }
                boolean same = set.items().get(i).identity().equals(set.items().get(j).identity());
                if (same) {
                    sameSum += dist;
                    sameCount++;
                    sameMax = Math.max(sameMax, dist);
                } else {
                    diffSum += dist;
                    diffCount++;
                    diffMin = Math.min(diffMin, dist);
                }
            }
            if (set.items().get(best).identity().equals(set.items().get(i).identity())) correct++;
        }
        System.out.printf("dlib-johns rank-1 %d/%d; same-id dist mean %.3f max %.3f; diff-id mean %.3f min %.3f%n",
                correct, n, sameSum / sameCount, sameMax, diffSum / diffCount, diffMin);
        assertEquals(55, n);
        assertEquals(n, correct, "leave-one-out rank-1");
        assertTrue(sameSum / sameCount < 0.6 && diffSum / diffCount > 0.6, "distances on face-api's 0.6 scale");
    }

    static double distance(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double t = a[k] - b[k];
            s += t * t;
        }
        return Math.sqrt(s);
    }
}
