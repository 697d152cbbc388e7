package io.unveil.research.cli;

import io.unveil.research.eval.live.LiveEvaluation;
import io.unveil.research.eval.live.LiveOptions;
import io.unveil.research.eval.live.LivePipeline;
import io.unveil.research.eval.live.LiveReport;
import io.unveil.research.eval.live.LiveTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unveil eval live}: real people, plain and occluded, through the running pipeline (enrolled over the gallery
 * REST API, shown to a camera), every segment scored. The launcher adds it to {@code eval} with the deploy module's
 * {@link LivePipeline}.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Enroll people through the gallery API of a pipeline started here, show their other photos (plain and occluded) "
                + "to a camera, and score each segment: correct name, wrong name, unknown, no event. Writes table.md, results.json, "
                + "contact-sheet.png and camera.mp4.")
public final class EvalLiveCommand implements Callable<Integer> {
    private final LivePipeline pipeline;

    @Spec
    CommandSpec spec;

    @Mixin
    LabeledSetOptions set = new LabeledSetOptions();

    @Option(names = "--enrolled", defaultValue = "20", description = "People enrolled (default: ${DEFAULT-VALUE}).")
    int enrolled;

    @Option(names = "--strangers", defaultValue = "20", description = "People shown but not enrolled (default: ${DEFAULT-VALUE}).")
    int strangers;

    @Option(names = "--distractors", defaultValue = "0",
            description = "People enrolled but never shown, for a gallery as big as a site's (TRAIN identities when only "
                    + "VALIDATION people are shown; default: ${DEFAULT-VALUE}).")
    int distractors;

    @Option(names = "--enroll", defaultValue = "3", description = "Photos per enrolled person sent to the gallery API (default: ${DEFAULT-VALUE}).")
    int enroll;

    @Option(names = "--shown", defaultValue = "3", description = "Other photos per person shown to the camera (default: ${DEFAULT-VALUE}).")
    int shown;

    @Option(names = "--occlusion", defaultValue = "medical-mask", description = "medical-mask, realistic, block-random-48, another occluder type, or none (default: ${DEFAULT-VALUE}).")
    String occlusion;

    @Option(names = "--occluded-share", defaultValue = "0.5", description = "Share of each side's shown photos with the occluder (default: ${DEFAULT-VALUE}).")
    double occludedShare;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of people, photos, occluded photos, order and occluders (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--roles", split = ",", paramLabel = "ROLE", description = "Pipeline roles (default: all). Without inpaint add --set recognize.read-raw-faces=true.")
    List<String> roles;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one pipeline setting (repeatable), as for `unveil run`.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--fps", defaultValue = "10", description = "Frame rate of the camera video (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--camera-fps", defaultValue = "5", description = "The camera's frame-rate cap (camera.live.fps; default: ${DEFAULT-VALUE}, as the demo's camera).")
    double cameraFps;

    @Option(names = "--show-seconds", defaultValue = "2", description = "Seconds each photo is shown (default: ${DEFAULT-VALUE}).")
    double showSeconds;

    @Option(names = "--timeout", defaultValue = "1800", description = "Give up on the pipeline after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--out", defaultValue = "eval-live", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    public EvalLiveCommand(LivePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() throws Exception {
        Path folder = set.folder();
        if (folder == null) return 2;
        String setName = set.setName(folder);
        boolean validation = set.validationOnly(setName);
        LiveOptions o = new LiveOptions(folder, setName, validation, enrolled, strangers, enroll, shown, occlusion, occludedShare, seed, roles, sets,
                fps, cameraFps, showSeconds, out, Duration.ofSeconds(timeoutSeconds), distractors);
        List<String> commandLine = new ArrayList<>(List.of("unveil"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        String loadBefore = loadAverage();
        LiveEvaluation.Result r = LiveEvaluation.run(o, pipeline, System.err);
        String loadAfter = loadAverage();
        LiveReport.write(out, o, commandLine, r, loadBefore, loadAfter);
        System.out.print(LiveTable.markdown(r.rows()));
        System.out.println(LiveTable.summary(r.rows()));
        System.out.printf(Locale.ROOT, "CHANGED events: %d, of which an announced unknown turned into a name: %d%n",
                r.scored().changedEvents(), r.scored().unknownThenNamed());
        System.out.printf(Locale.ROOT, "ENDED events: %d, of which repeat a visit's camera and track (a visit ended twice): %d%n",
                r.scored().endedEvents(), r.scored().repeatedEnded());
        System.out.print(r.occlusionCalls().markdown());
        if (!r.recording().refused().isEmpty())
            System.out.println("enrollment refused by the gallery API: " + r.recording().refused());
        System.out.printf(Locale.ROOT, "%.0f s in all; load average %s before, %s after%n", r.seconds(), loadBefore, loadAfter);
        System.out.println("report: " + out.toAbsolutePath().resolve("results.json"));
        return 0;
    }

    /** The 1, 5 and 15 minute load averages ("-" where /proc/loadavg is absent): the machine is shared. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }
}
