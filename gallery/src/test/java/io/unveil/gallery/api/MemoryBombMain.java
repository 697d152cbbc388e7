package io.unveil.gallery.api;

import io.unveil.gallery.client.Multipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;

/**
 * Run in a child JVM with a small heap by {@link BoundedMemoryApiTest}: starts the API with the default limits and
 * sends the bomb, 6 concurrent requests of 20 blank 4096x4096 PNGs each (1 GB decoded per request); prints
 * one line per response, "STATUS BODY", then "HEAP-MAX-USED-MB n" and exits 0. Without the budgets the child dies
 * of OutOfMemoryError or answers 500.
 */
public final class MemoryBombMain {
    public static void main(String[] args) throws Exception {
        BufferedImage blank = new BufferedImage(4096, 4096, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", png);
        blank = null;
        Multipart m = new Multipart().field("name", "Bomb");
        for (int i = 0; i < 20; i++) m.file("images", "blank" + i + ".png", "image/png", png.toByteArray());
        byte[] body = m.build();
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/identities"))
                        .header("X-Api-Key", ApiFixture.ADMIN).header("Content-Type", m.contentType())
                        .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get();
                System.out.println(r.statusCode() + " " + r.body().replace('\n', ' '));
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("HEAP-MAX-USED-MB " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20));
        System.exit(0);
    }
}
