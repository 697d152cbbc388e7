package io.unveil.deploy;

import io.unveil.deploy.cli.AnalyzeCommand;
import io.unveil.deploy.cli.BenchCommand;
import io.unveil.deploy.cli.CalibrateCommand;
import io.unveil.deploy.cli.ClusterCommand;
import io.unveil.deploy.cli.TrainCommand;
import io.unveil.deploy.cli.DemoCommand;
import io.unveil.deploy.cli.EnrollCommand;
import io.unveil.deploy.cli.IdentitiesCommand;
import io.unveil.deploy.cli.EvalCommand;
import io.unveil.deploy.cli.ModelsCommand;
import io.unveil.deploy.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code unveil} launcher: {@code java -jar deploy/target/unveil.jar <command>}. */
@Command(name = "unveil", mixinStandardHelpOptions = true, version = "unveil 0.1.0",
        description = "Streaming recognition of partly hidden faces (detect, estimate occlusion, inpaint, recognize).",
        subcommands = {RunCommand.class, DemoCommand.class, AnalyzeCommand.class, ModelsCommand.class, EnrollCommand.class, IdentitiesCommand.class,
                CalibrateCommand.class,
                TrainCommand.class, EvalCommand.class, BenchCommand.class, ClusterCommand.class, CommandLine.HelpCommand.class})
public final class Unveil implements Runnable {
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Log at info level (default: warnings only).")
    boolean verbose;

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void main(String[] args) {
        // every log line and printed message without URL credentials (camera passwords were logged on each reconnect)
        io.unveil.core.config.RedactingOutputStream.installOnStandardStreams();
        Logging.configure(args);
        int rc = new CommandLine(new Unveil()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(rc);
    }
}
