package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every enrollment response names the enrolled identities the recognizer could take the new one for. */
class SimilarIdentitiesApiTest {
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

    @Test
    void theSamePersonEnrolledTwiceIsToldAndAnotherPersonIsNot() throws Exception {
        GalleryApiTest.Res ada = GalleryApiTest.enroll(ApiFixture.ADMIN, "Ada", MarkedFaces.png(1, Spec.of(21)), MarkedFaces.png(2, Spec.of(21)));
        assertEquals(201, ada.status(), String.valueOf(ada.json()));
        assertEquals(0, ada.json().get("similarIdentities").size(), "the first identity is like no other");

        GalleryApiTest.Res twin = GalleryApiTest.enroll(ApiFixture.ADMIN, "Ada Lovelace", MarkedFaces.png(3, Spec.of(21)));
        assertEquals(201, twin.status(), "told, not refused: " + twin.json());
        JsonNode similar = twin.json().get("similarIdentities");
        assertEquals(1, similar.size(), similar.toString());
        assertEquals("Ada", similar.get(0).get("name").asText());
        assertEquals(ada.json().get("identity").get("id").asText(), similar.get(0).get("identityId").asText());
        assertTrue(similar.get(0).get("similarity").floatValue() >= ApiFixture.THRESHOLD, similar.toString());

        GalleryApiTest.Res bob = GalleryApiTest.enroll(ApiFixture.ADMIN, "Bob", MarkedFaces.png(4, Spec.of(22)), MarkedFaces.png(5, Spec.of(22)));
        assertEquals(201, bob.status());
        assertEquals(0, bob.json().get("similarIdentities").size(), "another person: " + bob.json());
    }
}
