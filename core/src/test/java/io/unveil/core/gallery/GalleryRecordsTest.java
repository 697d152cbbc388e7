package io.unveil.core.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.OcclusionRegion;
import io.unveil.core.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GalleryRecordsTest {
    @Test
    void anEntryWrittenBeforeOccludedCentroidsExistedStillLoads() {
        // the JSON an entry of the previous release had on unveil.gallery: no occludedCentroids field
        String old = "{\"id\":\"ada-1\",\"name\":\"Ada\",\"centroid\":[0.6,0.8],\"count\":3,\"meanQuality\":0.9,\"version\":1,"
                + "\"createdMs\":1,\"updatedMs\":2,\"metadata\":{\"model\":\"m\"}}";
        GalleryRecords.Decoded d = GalleryRecords.decode("ada-1", old.getBytes(StandardCharsets.UTF_8));
        assertEquals(null, d.reason());
        assertEquals("Ada", d.entry().name());
        assertArrayEquals(new float[]{0.6f, 0.8f}, d.entry().centroid());
        assertNull(d.entry().occludedCentroids());
        assertNull(d.entry().occludedCentroid(OcclusionRegion.LOWER));
    }

    @Test
    void occludedCentroidsRoundTrip() throws Exception {
        GalleryEntry e = new GalleryEntry("ada-1", "Ada", new float[]{0.6f, 0.8f}, 3, 0.9f, 1, 1, 2, Map.of(),
                Map.of("lower", new float[]{1f, 0f}, "eyes", new float[]{0f, 1f}));
        GalleryRecords.Decoded d = GalleryRecords.decode("ada-1", Json.MAPPER.writeValueAsBytes(e));
        assertEquals(null, d.reason());
        assertArrayEquals(new float[]{1f, 0f}, d.entry().occludedCentroid(OcclusionRegion.LOWER));
        assertArrayEquals(new float[]{0f, 1f}, d.entry().occludedCentroid(OcclusionRegion.EYES));
    }

    @Test
    void aBadOccludedCentroidIsRejectedWithTheReason() throws Exception {
        GalleryEntry region = new GalleryEntry("a", "A", new float[]{0.6f, 0.8f}, 1, 1f, 1, 1, 1, Map.of(), Map.of("nose", new float[]{1f, 0f}));
        assertTrue(GalleryRecords.decode("a", Json.MAPPER.writeValueAsBytes(region)).reason().contains("nose"));
        GalleryEntry dim = new GalleryEntry("a", "A", new float[]{0.6f, 0.8f}, 1, 1f, 1, 1, 1, Map.of(), Map.of("lower", new float[]{1f}));
        assertTrue(GalleryRecords.decode("a", Json.MAPPER.writeValueAsBytes(dim)).reason().contains("1 values, the centroid 2"));
        String nan = "{\"id\":\"a\",\"name\":\"A\",\"centroid\":[0.6,0.8],\"count\":1,\"meanQuality\":1,\"version\":1,\"createdMs\":1,"
                + "\"updatedMs\":1,\"metadata\":{},\"occludedCentroids\":{\"eyes\":[\"NaN\",1.0]}}";
        assertTrue(GalleryRecords.decode("a", nan.getBytes(StandardCharsets.UTF_8)).reason().contains("non-finite"));
    }
}
