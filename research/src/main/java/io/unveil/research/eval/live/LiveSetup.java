package io.unveil.research.eval.live;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link LivePipeline} runs: the camera video, the camera's frame-rate cap, who to enroll
 * (name = the set's identity label), the roles (null = every role) and {@code --set} overrides, and a time limit.
 */
public record LiveSetup(Path video, double cameraFps, List<Enrollee> enrollees, List<String> roles, List<String> sets,
                        Duration timeout, PrintStream log) {
    /** One person to enroll: the identity label (used as the name) and the photos uploaded. */
    public record Enrollee(String identity, List<Path> photos) {
    }
}
