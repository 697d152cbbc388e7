package io.unveil.research.cli;

import picocli.CommandLine.Command;

/** {@code unveil train <model>}: the networks Unveil trains itself (each a subcommand with its own options). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one of Unveil's own networks on a shared data set.",
        subcommands = {TrainIdGanCommand.class, TrainParsingCommand.class, TrainOcclusionCommand.class, TrainRecognizerCommand.class,
                TrainFacePriorCommand.class, TrainLandmarksCommand.class})
public final class TrainCommand {
}
