package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.image.Images;
import io.unveil.gallery.client.Multipart;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/recognize: a photo in, each face with box, name (when known) and similarity out; keyed and bounded. */
class RecognizeApiTest {
    static ApiFixture fx;

    @BeforeAll
    static void start() {
        fx = new ApiFixture(new UploadLimits(3L << 20, 1L << 20, 1000, 32, 2L << 20));
        GalleryApiTest.fx = fx;
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static GalleryApiTest.Res recognize(String key, byte[]... images) throws Exception {
        Multipart m = new Multipart();
        for (int i = 0; i < images.length; i++) m.file("image", "photo" + i + ".png", "image/png", images[i]);
        return GalleryApiTest.call("POST", "/api/v1/recognize", key, m.contentType(), m.build());
    }

    /** Person 11 on the left, person 12 (never enrolled) on the right. */
    static byte[] twoPeople() {
        return Images.encodePng(MarkedFaces.image(480, 320, 7, new Spec(11, 20, 60, 150, false, false), new Spec(12, 260, 60, 150, false, false)));
    }

    @Test
    void namesTheEnrolledFaceAndNotTheStranger() throws Exception {
        GalleryApiTest.Res empty = recognize(ApiFixture.READER, twoPeople());
        assertEquals(200, empty.status(), String.valueOf(empty.json()));
        for (JsonNode f : empty.json().get("faces")) assertFalse(f.get("known").asBoolean(), "an empty gallery names nobody");

        assertEquals(201, GalleryApiTest.enroll(ApiFixture.ADMIN, "Ada", MarkedFaces.png(1, Spec.of(11)), MarkedFaces.png(2, Spec.of(11))).status());
        GalleryApiTest.Res r = recognize(ApiFixture.READER, twoPeople());
        assertEquals(200, r.status(), String.valueOf(r.json()));
        assertEquals(480, r.json().get("width").asInt());
        assertEquals(ApiFixture.THRESHOLD, r.json().get("threshold").floatValue(), 1e-6);
        JsonNode faces = r.json().get("faces");
        assertEquals(2, faces.size(), faces.toString());
        JsonNode ada = null, stranger = null;
        for (JsonNode f : faces) {
            if (f.get("box").get("x").asInt() < 100) ada = f;
            else stranger = f;
        }
        assertTrue(ada != null && stranger != null, faces.toString());
        assertTrue(ada.get("known").asBoolean(), ada.toString());
        assertEquals("Ada", ada.get("name").asText());
        assertTrue(ada.get("similarity").floatValue() >= ApiFixture.THRESHOLD, ada.toString());
        assertEquals(150, ada.get("box").get("width").asInt());
        assertEquals("plain", ada.get("condition").asText(), "no occlusion estimator in the fixture: judged plain");
        assertEquals(ApiFixture.THRESHOLD, ada.get("threshold").floatValue(), 1e-6, "the threshold this face was held to");
        assertFalse(stranger.get("known").asBoolean(), stranger.toString());
        assertTrue(stranger.get("name").isNull(), "a stranger gets no name: " + stranger);
        assertEquals("Ada", stranger.get("closest").get("name").asText(), "the closest identity is still shown");
        assertTrue(stranger.get("similarity").floatValue() < ApiFixture.THRESHOLD, stranger.toString());
    }

    @Test
    void needsAKeyAndOneBoundedImage() throws Exception {
        assertEquals("missing_api_key", recognize(null, twoPeople()).error());
        assertEquals("one_image", recognize(ApiFixture.READER).error());
        assertEquals("one_image", recognize(ApiFixture.READER, twoPeople(), twoPeople()).error());
        GalleryApiTest.Res notImage = recognize(ApiFixture.READER, "not a picture".getBytes());
        assertEquals(400, notImage.status());
        assertEquals("not_an_image", notImage.error());
        GalleryApiTest.Res big = recognize(ApiFixture.READER, new byte[(1 << 20) + 10]);
        assertEquals(413, big.status(), String.valueOf(big.json()));
        GalleryApiTest.Res json = GalleryApiTest.call("POST", "/api/v1/recognize", ApiFixture.READER, "application/json", "{}".getBytes());
        assertEquals(415, json.status());
    }

    @Test
    void withoutARecognizerItSaysWhy() throws Exception {
        fx.api.recognizer(null, "POST /recognize needs the recognizer's threshold: test");
        try {
            GalleryApiTest.Res r = recognize(ApiFixture.READER, twoPeople());
            assertEquals(503, r.status());
            assertEquals("recognition_unavailable", r.error());
            assertTrue(r.json().get("reason").asText().contains("threshold"), r.json().toString());
        } finally {
            fx.api.recognizer(new io.unveil.gallery.recognize.PhotoRecognizer(MarkedFaces.chips(new MarkedFaces.Analyzer()),
                    new io.unveil.recognize.testing.PatternEmbedder(), ApiFixture.THRESHOLD, null), null);
        }
    }
}
