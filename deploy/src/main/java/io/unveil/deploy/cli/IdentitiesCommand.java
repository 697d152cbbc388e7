package io.unveil.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.gallery.client.GalleryClient;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code unveil identities [list|delete ID|rename ID NAME]}: manage the gallery of the running service. */
@Command(name = "identities", mixinStandardHelpOptions = true,
        description = "List, delete or rename enrolled identities of the running gallery service.",
        subcommands = {IdentitiesCommand.ListCmd.class, IdentitiesCommand.DeleteCmd.class, IdentitiesCommand.RenameCmd.class})
public final class IdentitiesCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Override
    public Integer call() {
        return run(() -> list(service.client()));
    }

    /** Runs a client call; service and API errors become one line on stderr and exit code 1. */
    static int run(java.util.function.IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (GalleryClient.ApiError | IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    static int list(GalleryClient c) {
        JsonNode all = c.list();
        System.out.printf("%-36s %-30s %6s %7s  %s%n", "ID", "NAME", "IMAGES", "QUALITY", "UPDATED");
        for (JsonNode e : all) {
            System.out.printf("%-36s %-30s %6d %7.2f  %s%n", e.get("id").asText(), e.get("name").asText(),
                    e.get("count").asInt(), e.get("meanQuality").asDouble(), Instant.ofEpochMilli(e.get("updatedMs").asLong()));
        }
        System.out.println(all.size() + " identities");
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List identities (the default).")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        IdentitiesCommand parent;

        @Override
        public Integer call() {
            return run(() -> list(parent.service.client()));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an identity (a tombstone on unveil.gallery).")
    static final class DeleteCmd implements Callable<Integer> {
        @ParentCommand
        IdentitiesCommand parent;
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return run(() -> {
                parent.service.client().delete(id);
                System.out.println("deleted " + id);
                return 0;
            });
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename an identity.")
    static final class RenameCmd implements Callable<Integer> {
        @ParentCommand
        IdentitiesCommand parent;
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return run(() -> {
                JsonNode r = parent.service.client().rename(id, name);
                System.out.println("renamed " + r.get("id").asText() + " to " + r.get("name").asText());
                return 0;
            });
        }
    }
}
