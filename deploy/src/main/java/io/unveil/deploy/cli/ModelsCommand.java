package io.unveil.deploy.cli;

import io.unveil.core.config.UnveilHome;
import io.unveil.core.model.FaceApiModels;
import io.unveil.research.cli.ModelsAverageCommand;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code unveil models fetch|verify|list}: the pinned pretrained weights in the local cache; {@code average}: weight averaging. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Fetch, verify or list the pinned pretrained face models (npm @vladmandic/face-api "
                + FaceApiModels.VERSION + ", sha256-checked, cached under ${sys:" + io.unveil.deploy.HelpHome.PROPERTY + "}/models); average weight snapshots.",
        subcommands = {ModelsCommand.Fetch.class, ModelsCommand.Verify.class, ModelsCommand.ListFiles.class,
                ModelsAverageCommand.class})
public final class ModelsCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.err);
    }

    @Command(name = "fetch", description = "Download (npm pack) and verify the models if missing or damaged.")
    static final class Fetch implements Callable<Integer> {
        @Override
        public Integer call() {
            FaceApiModels m = FaceApiModels.ensureDefault();
            System.out.println("models ready in " + m.dir());
            return 0;
        }
    }

    @Command(name = "verify", description = "Check every cached model file against its pinned sha256 (exit 1 if any is bad).")
    static final class Verify implements Callable<Integer> {
        @Override
        public Integer call() {
            FaceApiModels m = new FaceApiModels(UnveilHome.models());
            String bad = m.verifyAll();
            if (bad != null) {
                System.err.println(bad);
                return 1;
            }
            System.out.println("all " + m.expectedChecksums().size() + " files verified in " + m.dir());
            return 0;
        }
    }

    @Command(name = "list", description = "List the pinned files with their sha256 and whether they are cached.")
    static final class ListFiles implements Callable<Integer> {
        @Override
        public Integer call() {
            FaceApiModels m = new FaceApiModels(UnveilHome.models());
            m.expectedChecksums().forEach((file, sha) -> {
                var p = m.dir().resolve(file);
                String state = !Files.isRegularFile(p) ? "missing" : FaceApiModels.sha256(p).equals(sha) ? "ok" : "BAD";
                System.out.printf("%-8s %s  %s%n", state, sha, file);
            });
            return 0;
        }
    }
}
