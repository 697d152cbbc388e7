package io.unveil.gallery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GalleryClientTest {
    @Test
    void theServiceRootAndTheApiAddressBothReachTheApi() {
        for (String url : new String[]{"http://host:8080", "http://host:8080/", "http://host:8080/api/v1", "http://host:8080/api/v1/"})
            assertEquals("http://host:8080/api/v1", GalleryClient.apiBase(url).toString(), url);
        assertEquals("https://h/unveil/api/v1", GalleryClient.apiBase("https://h/unveil").toString(), "a path prefix stays");
    }
}
