package io.unveil.deploy;

import io.unveil.deploy.cli.AnalyzeCommand;
import io.unveil.deploy.cli.BenchCommand;
import io.unveil.deploy.cli.ClusterCommand;
import io.unveil.deploy.cli.DemoCommand;
import io.unveil.deploy.cli.EnrollCommand;
import io.unveil.deploy.cli.IdentitiesCommand;
import io.unveil.deploy.cli.ModelsCommand;
import io.unveil.deploy.cli.RunCommand;
import io.unveil.deploy.eval.EmbeddedLivePipeline;
import io.unveil.research.cli.CalibrateCommand;
import io.unveil.research.cli.EvalCommand;
import io.unveil.research.cli.EvalLiveCommand;
import io.unveil.research.cli.TrainCommand;
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

    /**
     * The launcher's command tree. {@code eval live} is added here: it runs the pipeline, which lives in this module,
     * while the rest of {@code eval} is research's.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Unveil());
        cl.getSubcommands().get("eval").addSubcommand("live", new EvalLiveCommand(new EmbeddedLivePipeline()));
        return cl.setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        Logging.configure(args);
        int rc = commandLine().execute(args);
        System.exit(rc);
    }
}
