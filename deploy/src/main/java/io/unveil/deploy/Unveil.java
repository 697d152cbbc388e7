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
import io.unveil.deploy.runtime.Models;
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
        System.exit(commandLine().execute(args));
    }

    /**
     * The launcher's command line, with the settings registry as the footer of {@code run --help} and {@code demo --help}.
     * {@code eval live} is added here: it runs the pipeline, which lives in this module, while the rest of {@code eval}
     * is research's.
     */
    public static CommandLine commandLine() {
        HelpHome.publish();
        CommandLine cl = new CommandLine(new Unveil()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.getSubcommands().get("eval").addSubcommand("live", new EvalLiveCommand(new EmbeddedLivePipeline()));
        // calibrate loads the recognizer by recognize.model through the registry, which lives in this module
        cl.addSubcommand("calibrate", new CalibrateCommand(Models.RECOGNIZERS, Models.GENERATORS));
        // Bad input (an unknown setting, a malformed value, a bad camera URL, a missing folder, a busy port) is one clear
        // line, not a stack trace; --verbose adds the trace. Anything else keeps picocli's default (the trace).
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String line = CliErrors.oneLine(e);
            if (line == null) throw e;
            cmd.getErr().println(cmd.getCommandName() + ": " + line);
            if (((Unveil) cmd.getCommandSpec().root().userObject()).verbose) e.printStackTrace(cmd.getErr());
            return 2;
        });
        String[] footer = SettingsHelp.footer();
        for (String name : new String[]{"run", "demo"}) cl.getSubcommands().get(name).getCommandSpec().usageMessage().footer(footer);
        return cl;
    }
}
