package io.unveil.gallery.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 25 item 6: the page keeps the API key in the tab's sessionStorage, never in localStorage (on disk). */
class KeyStorageTest {
    @Test
    void apiKeyIsNeverWrittenToLocalStorage() throws Exception {
        String js;
        try (InputStream in = KeyStorageTest.class.getResourceAsStream("/unveil-web/app.js")) {
            assertNotNull(in);
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertFalse(js.contains("localStorage.setItem") || js.contains("localStorage.getItem"), "the key must not be stored on disk");
        assertTrue(js.contains("sessionStorage.setItem('unveil.apiKey'"), "the key is kept for the tab only");
    }
}
