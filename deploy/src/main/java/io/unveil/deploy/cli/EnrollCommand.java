package io.unveil.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.gallery.client.GalleryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unveil enroll --name NAME IMAGE...}: enrolls a person through the running gallery service. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enroll a person from images (or a short clip) through the running gallery service.")
public final class EnrollCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Option(names = "--name", description = "Display name of a new identity.")
    String name;

    @Option(names = "--id", description = "Add the images to this existing identity instead of creating one.")
    String id;

    @Option(names = "--clip", description = "A short video of the person instead of images.")
    Path clip;

    @Parameters(arity = "0..*", paramLabel = "IMAGE", description = "JPEG or PNG images of the person.")
    List<Path> images = List.of();

    @Override
    public Integer call() throws Exception {
        if (id == null && (name == null || name.isBlank())) {
            System.err.println("give --name for a new identity (or --id to add to one)");
            return 2;
        }
        if (clip == null && images.isEmpty()) {
            System.err.println("give at least one IMAGE or --clip FILE");
            return 2;
        }
        for (Path p : clip == null ? images : List.of(clip)) {
            if (!Files.isRegularFile(p)) {
                System.err.println("no such file: " + p);
                return 2;
            }
        }
        try {
            GalleryClient c = service.client();
            JsonNode r = clip != null ? c.enrollClip(name, clip) : id != null ? c.addImages(id, images) : c.enroll(name, images);
            JsonNode idn = r.get("identity");
            System.out.printf("%s %s: %d image(s) added, centroid of %d%n", idn.get("id").asText(), idn.get("name").asText(),
                    r.get("added").asInt(), idn.get("count").asInt());
            print(r.get("images"));
            return 0;
        } catch (GalleryClient.ApiError e) {
            System.err.println("enrollment refused: " + service.explain(e));
            if (e.body != null && e.body.has("details")) print(e.body.get("details"));
            return 1;
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    static void print(JsonNode images) {
        if (images == null) return;
        for (JsonNode im : images) {
            System.out.printf("  %-10s %s%s%n", im.get("status").asText(), im.get("source").asText(),
                    im.hasNonNull("reason") ? " — " + im.get("reason").asText()
                            + (im.hasNonNull("detail") ? " (" + im.get("detail").asText() + ")" : "") : "");
        }
    }
}
