package io.unveil.deploy.cli;

import io.unveil.research.cli.BenchInpaintCommand;
import io.unveil.research.cli.BenchStagesCommand;
import picocli.CommandLine.Command;

/** {@code unveil bench <what>}: benchmark commands; results go to docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Unveil's speed and memory: per stage, end to end, or the ID-GAN inpainter alone.",
        subcommands = {BenchStagesCommand.class, BenchE2eCommand.class, BenchInpaintCommand.class})
public final class BenchCommand {
}
