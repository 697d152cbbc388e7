package io.unveil.core.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.Box;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.Occlusion;
import io.unveil.core.record.Quality;
import io.unveil.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    @Test
    void faceRoundTripsWithImagesAndLandmarks() {
        float[] lm = new float[136];
        for (int i = 0; i < lm.length; i++) lm[i] = i * 0.5f;
        Face f = new Face("cam:1:7:0", "cam", 7, 123L, 640, 480, 3, new Box(1, 2, 30, 40), 0.9f, lm,
                new Quality(30, 55.5f, 1, 2, 3, 0.7f), new byte[]{1, 2, 3}, new byte[]{4, 5}, null, null, false);
        var serde = Topics.FACES.valueSerde();
        byte[] json = serde.serializer().serialize("t", f);
        Face back = serde.deserializer().deserialize("t", json);
        assertEquals(f.faceId(), back.faceId());
        assertEquals(f.box(), back.box());
        assertEquals(f.quality(), back.quality());
        assertArrayEquals(lm, back.landmarks());
        assertArrayEquals(f.aligned(), back.aligned());
        assertArrayEquals(f.chip(), back.chip());
        assertNull(back.occlusion());
        Face repaired = back.withOcclusion(new Occlusion(new byte[]{9}, 0.4f, 0.1f, 0.2f, 0.8f, true, "m1"))
                .withRepaired(new byte[]{7}, new byte[]{8});
        Face r2 = serde.deserializer().deserialize("t", serde.serializer().serialize("t", repaired));
        assertTrue(r2.inpainted());
        assertEquals(0.4f, r2.occlusion().ratio());
        assertArrayEquals(new byte[]{8}, r2.chip());
    }

    @Test
    void tombstonesStayNullAndUnknownFieldsAreTolerated() {
        var serde = Topics.GALLERY.valueSerde();
        assertNull(serde.serializer().serialize("t", null));
        assertNull(serde.deserializer().deserialize("t", null));
        String json = "{\"id\":\"p1\",\"name\":\"Ada\",\"centroid\":[0.5,0.25],\"count\":3,\"futureField\":1}";
        GalleryEntry e = serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
        assertEquals("p1", e.id());
        assertArrayEquals(new float[]{0.5f, 0.25f}, e.centroid());
    }

    @Test
    void garbageFailsWithTheTypeName() {
        var serde = Topics.DLQ.valueSerde();
        var ex = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)));
        assertTrue(ex.getMessage().contains("DeadLetter"), ex.getMessage());
    }

    @Test
    void deadLetterPayloadIsBounded() {
        byte[] big = new byte[DeadLetter.MAX_PAYLOAD + 10];
        assertEquals(DeadLetter.MAX_PAYLOAD, DeadLetter.truncate(big).length);
        byte[] small = {1};
        assertArrayEquals(small, DeadLetter.truncate(small));
        DeadLetter d = new DeadLetter("s", "r", "t", 0, 1, "k", Map.of("h", "v"), small, 5);
        var serde = Topics.DLQ.valueSerde();
        assertEquals(d.headers(), serde.deserializer().deserialize("t", serde.serializer().serialize("t", d)).headers());
    }
}
