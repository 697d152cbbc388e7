package io.unveil.research.cli;

import io.unveil.research.data.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** A labelled face set and which of its identities to use: {@code --data}, {@code --name}, {@code --identities}. */
public final class LabeledSetOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Labelled set (labels.csv or a folder per identity). Default: ../shared/data/celeba-subset.")
    Path data;

    @Option(names = "--name", description = "Set name as the identity split knows it (default: the folder name).")
    String name;

    @Option(names = "--identities", defaultValue = "auto", description = "validation (IdentitySplit VALIDATION identities only), all, or auto "
            + "(validation for celeba-subset, else all). Default: ${DEFAULT-VALUE}.")
    String identities;

    /** The set's folder ({@code --data}, else the shared celeba-subset), or null with a message on stderr. */
    public Path folder() {
        Path set = data != null ? data : SharedData.set("celeba-subset").orElse(null);
        if (set == null || !Files.isDirectory(set)) {
            System.err.println("no data: pass --data DIR (../shared/data/celeba-subset not found)");
            return null;
        }
        return set;
    }

    public String setName(Path folder) {
        return name != null ? name : folder.toAbsolutePath().normalize().getFileName().toString();
    }

    public boolean validationOnly(String setName) {
        return validationOnly(identities, setName);
    }

    /** {@code --identities}: validation, all, or auto (validation for celeba-subset, whose identities also train the models). */
    public static boolean validationOnly(String identities, String setName) {
        return switch (identities.toLowerCase(Locale.ROOT)) {
            case "validation" -> true;
            case "all" -> false;
            case "auto" -> setName.equals("celeba-subset");
            default -> throw new IllegalArgumentException("--identities must be validation, all or auto");
        };
    }
}
