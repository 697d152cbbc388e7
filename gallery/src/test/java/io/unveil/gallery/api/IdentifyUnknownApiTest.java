package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.Box;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.image.Images;
import io.unveil.recognize.match.Vectors;
import io.unveil.recognize.testing.PatternFaces;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/unknowns/{unknownId}/identify: "this unknown is X" enrolls the unknown's recent faces into X or a new person. */
class IdentifyUnknownApiTest {
    static ApiFixture fx;

    @BeforeAll
    static void start() {
        fx = new ApiFixture(UploadLimits.defaults());
        GalleryApiTest.fx = fx;
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /**
     * An event of an unknown whose aligned thumbnail (a FACE_128 PNG, as the recognize role sends: the detector finds
     * no face in it) shows {@code person}, distinct noise per event.
     */
    static RecognitionEvent unknownEvent(String eventId, String unknownId, long person, long noise) {
        byte[] face = Images.encodePng(Images.resize(PatternFaces.chip(person, noise, 20), 128, 128));
        return new RecognitionEvent(eventId, "FIRST", "door", System.currentTimeMillis(), noise, new Box(0, 0, 50, 50), null, null, unknownId,
                0.2f, 0f, 3, 0f, false, false, Map.of(), new RecognitionEvent.Thumbnails(face, null, null));
    }

    static GalleryApiTest.Res identify(String key, String unknownId, String json) throws Exception {
        return GalleryApiTest.call("POST", "/api/v1/unknowns/" + unknownId + "/identify", key, "application/json", json.getBytes());
    }

    @Test
    void anUnknownBecomesANewPersonOrJoinsOne() throws Exception {
        fx.feed.publish(unknownEvent("e1", "unknown-7", 41, 1));
        fx.feed.publish(unknownEvent("e2", "unknown-7", 41, 2));
        fx.feed.publish(unknownEvent("e3", "unknown-7", 41, 2)); // the same face again: sent once
        fx.feed.publish(unknownEvent("e4", "unknown-8", 42, 3));

        GalleryApiTest.Res created = identify(ApiFixture.ADMIN, "unknown-7", "{\"name\":\"Grace\"}");
        assertEquals(201, created.status(), String.valueOf(created.json()));
        assertEquals(2, created.json().get("faces").asInt(), "two distinct faces of unknown-7");
        assertEquals("unknown-7", created.json().get("unknownId").asText());
        String grace = created.json().get("identity").get("id").asText();
        assertEquals("Grace", fx.store.get(grace).name());
        assertEquals("unknown-7", fx.store.get(grace).metadata().get("from"));
        assertTrue(Vectors.cosine(fx.store.get(grace).centroid(), PatternFaces.centroid(41)) > 0.95f);

        fx.feed.publish(unknownEvent("e5", "unknown-9", 41, 5));
        GalleryApiTest.Res joined = identify(ApiFixture.ADMIN, "unknown-9", "{\"identityId\":\"" + grace + "\"}");
        assertEquals(200, joined.status(), String.valueOf(joined.json()));
        assertEquals(3, fx.store.get(grace).count());
    }

    @Test
    void refusals() throws Exception {
        fx.feed.publish(unknownEvent("r1", "unknown-20", 43, 9));
        assertEquals(403, identify(ApiFixture.READER, "unknown-20", "{\"name\":\"X\"}").status(), "changes need the admin scope");
        assertEquals("identity_or_name", identify(ApiFixture.ADMIN, "unknown-20", "{}").error());
        assertEquals("identity_or_name", identify(ApiFixture.ADMIN, "unknown-20", "{\"name\":\"X\",\"identityId\":\"y\"}").error());
        assertEquals("identity_or_name", identify(ApiFixture.ADMIN, "unknown-20", "{\"name\":5}").error());
        assertEquals("malformed_json", identify(ApiFixture.ADMIN, "unknown-20", "{").error());
        GalleryApiTest.Res none = identify(ApiFixture.ADMIN, "unknown-404", "{\"name\":\"X\"}");
        assertEquals(404, none.status());
        assertEquals("unknown_not_found", none.error());
        assertEquals(404, identify(ApiFixture.ADMIN, "unknown-20", "{\"identityId\":\"nobody\"}").status(), "no such identity");
    }
}
