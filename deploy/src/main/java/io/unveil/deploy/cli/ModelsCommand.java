package io.unveil.deploy.cli;

import io.unveil.core.config.UnveilHome;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.MobileFaceNetModels;
import io.unveil.core.model.PinnedNpmPackage;
import io.unveil.research.cli.ModelsAverageCommand;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code unveil models fetch|verify|list}: the pinned pretrained weights in the local cache; {@code average}: weight averaging. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Fetch, verify or list the pinned pretrained face models (npm @vladmandic/face-api "
                + FaceApiModels.VERSION + " and, for recognize.model=fused, " + MobileFaceNetModels.PACKAGE + " " + MobileFaceNetModels.VERSION
                + ", sha256-checked, cached under ${sys:" + io.unveil.deploy.HelpHome.PROPERTY + "}/models); average weight snapshots.",
        subcommands = {ModelsCommand.Fetch.class, ModelsCommand.Verify.class, ModelsCommand.ListFiles.class,
                ModelsAverageCommand.class})
public final class ModelsCommand implements Runnable {
    /** Every pinned package, face-api's first. */
    static List<PinnedNpmPackage> packages() {
        return List.of(new FaceApiModels(UnveilHome.models()), new MobileFaceNetModels(UnveilHome.models()));
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.err);
    }

    @Command(name = "fetch", description = "Download (npm pack) and verify the models if missing or damaged.")
    static final class Fetch implements Callable<Integer> {
        @Override
        public Integer call() {
            for (PinnedNpmPackage m : packages()) System.out.println(m.ensure().spec() + " ready in " + m.dir());
            return 0;
        }
    }

    @Command(name = "verify", description = "Check every cached model file against its pinned sha256 (exit 1 if any is bad).")
    static final class Verify implements Callable<Integer> {
        @Override
        public Integer call() {
            int rc = 0;
            for (PinnedNpmPackage m : packages()) {
                String bad = m.verifyAll();
                if (bad != null) {
                    System.err.println(bad);
                    rc = 1;
                } else {
                    System.out.println("all " + m.expectedChecksums().size() + " files of " + m.spec() + " verified in " + m.dir());
                }
            }
            return rc;
        }
    }

    @Command(name = "list", description = "List the pinned files with their sha256 and whether they are cached.")
    static final class ListFiles implements Callable<Integer> {
        @Override
        public Integer call() {
            for (PinnedNpmPackage m : packages()) {
                m.expectedChecksums().forEach((file, sha) -> {
                    var p = m.dir().resolve(file);
                    String state = !Files.isRegularFile(p) ? "missing" : PinnedNpmPackage.sha256(p).equals(sha) ? "ok" : "BAD";
                    System.out.printf("%-8s %s  %s  %s%n", state, sha, m.spec(), file);
                });
            }
            return 0;
        }
    }
}
