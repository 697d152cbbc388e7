package io.unveil.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.gallery.client.GalleryClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unveil identities [list|delete ID|rename ID NAME]}: manage the gallery of the running service. */
@Command(name = "identities", mixinStandardHelpOptions = true,
        description = "List, delete or rename enrolled identities of the running gallery service. "
                + "delete and rename take an id or a name that only one identity has.",
        subcommands = {IdentitiesCommand.ListCmd.class, IdentitiesCommand.DeleteCmd.class, IdentitiesCommand.RenameCmd.class})
public final class IdentitiesCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(c -> list(c, out()));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Runs a client call; service and API errors become one line on stderr and exit code 1. */
    int run(ToIntFunction<GalleryClient> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            int rc = body.applyAsInt(service.client());
            out().flush();
            return rc;
        } catch (GalleryClient.ApiError e) {
            err.println(service.explain(e));
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println(e.getMessage());
        }
        err.flush();
        return 1;
    }

    static int list(GalleryClient c, PrintWriter out) {
        JsonNode all = c.list();
        out.printf("%-36s %-30s %6s %7s  %s%n", "ID", "NAME", "IMAGES", "QUALITY", "UPDATED");
        for (JsonNode e : all) {
            out.printf("%-36s %-30s %6d %7.2f  %s%n", e.get("id").asText(), e.get("name").asText(),
                    e.get("count").asInt(), e.get("meanQuality").asDouble(), Instant.ofEpochMilli(e.get("updatedMs").asLong()));
        }
        out.println(all.size() + " identities");
        return 0;
    }

    /**
     * The id that {@code idOrName} means: an identity's id as given, else the one identity with that name (exact, then
     * ignoring case); several with that name is an error listing their ids.
     */
    static String resolve(GalleryClient c, String idOrName) {
        JsonNode all = c.list();
        for (JsonNode e : all) if (e.get("id").asText().equals(idOrName)) return idOrName;
        List<String> ids = named(all, idOrName, false);
        if (ids.isEmpty()) ids = named(all, idOrName, true);
        if (ids.size() == 1) return ids.get(0);
        if (ids.isEmpty())
            throw new IllegalArgumentException("no identity has the id or name '" + idOrName + "' (`unveil identities` lists them)");
        throw new IllegalArgumentException("ambiguous: " + ids.size() + " identities are named '" + idOrName + "', ids "
                + String.join(", ", ids) + ": give one of the ids");
    }

    private static List<String> named(JsonNode all, String name, boolean ignoreCase) {
        List<String> ids = new ArrayList<>();
        for (JsonNode e : all) {
            String n = e.get("name").asText();
            if (ignoreCase ? n.equalsIgnoreCase(name) : n.equals(name)) ids.add(e.get("id").asText());
        }
        return ids;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List identities (the default).")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        IdentitiesCommand parent;

        @Override
        public Integer call() {
            return parent.run(c -> list(c, parent.out()));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an identity (a tombstone on unveil.gallery).")
    static final class DeleteCmd implements Callable<Integer> {
        @ParentCommand
        IdentitiesCommand parent;
        @Parameters(index = "0", paramLabel = "ID|NAME", description = "An identity's id, or a name only one identity has.")
        String idOrName;

        @Override
        public Integer call() {
            return parent.run(c -> {
                String id = resolve(c, idOrName);
                c.delete(id);
                parent.out().println("deleted " + id + (id.equals(idOrName) ? "" : " (" + idOrName + ")"));
                return 0;
            });
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename an identity.")
    static final class RenameCmd implements Callable<Integer> {
        @ParentCommand
        IdentitiesCommand parent;
        @Parameters(index = "0", paramLabel = "ID|NAME", description = "An identity's id, or a name only one identity has.")
        String idOrName;
        @Parameters(index = "1", paramLabel = "NEW_NAME")
        String name;

        @Override
        public Integer call() {
            return parent.run(c -> {
                JsonNode r = c.rename(resolve(c, idOrName), name);
                parent.out().println("renamed " + r.get("id").asText() + " to " + r.get("name").asText());
                return 0;
            });
        }
    }
}
