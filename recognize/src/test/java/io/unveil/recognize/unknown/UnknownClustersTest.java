package io.unveil.recognize.unknown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownClustersTest {
    @Test
    void samePersonKeepsItsIdAcrossCamerasAndRestarts() {
        UnknownClusters c = new UnknownClusters(0.8f, 100);
        String a = c.assign(new float[]{1, 0, 0}, "cam1", 1).cluster().id;
        String b = c.assign(new float[]{0, 1, 0}, "cam1", 2).cluster().id;
        assertNotEquals(a, b);
        UnknownClusters.Assignment again = c.assign(new float[]{0.95f, 0.1f, 0}, "cam5", 3);
        assertEquals(a, again.cluster().id);
        assertEquals(List.of("cam1", "cam5"), List.copyOf(again.cluster().cameras));
        UnknownClusters restored = new UnknownClusters(0.8f, 100);
        restored.restore(c.all(), c.nextNumber());
        assertEquals(b, restored.assign(new float[]{0.1f, 0.9f, 0}, "cam2", 4).cluster().id);
        assertEquals("unknown-3", restored.assign(new float[]{0, 0, 1}, "cam2", 5).cluster().id);
    }

    @Test
    void boundedByEvictingTheLeastRecentlySeen() {
        UnknownClusters c = new UnknownClusters(0.99f, 2);
        c.assign(new float[]{1, 0, 0}, "x", 1);
        c.assign(new float[]{0, 1, 0}, "x", 5);
        UnknownClusters.Assignment third = c.assign(new float[]{0, 0, 1}, "x", 6);
        assertEquals("unknown-1", third.evicted().id);
        assertEquals(2, c.size());
        assertTrue(third.created());
    }
}
