package io.unveil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.deploy.runtime.Roles;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UnveilCliTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Unveil.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new String[]{Integer.toString(rc), out.toString(), err.toString()};
    }

    @Test
    void helpListsTheCommands() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        for (String c : new String[]{"run", "demo", "models"}) assertTrue(r[1].contains(c), r[1]);
    }

    @Test
    void evalLiveIsAnEvalSubcommand() {
        String[] r = run("eval", "live", "--help");
        assertEquals("0", r[0], r[2]);
        for (String o : new String[]{"--enrolled", "--strangers", "--occlusion", "--roles", "--set"}) assertTrue(r[1].contains(o), r[1]);
    }

    @Test
    void runOffersToPrintEvents() {
        assertTrue(run("run", "--help")[1].contains("--print-events"));
    }

    @Test
    void rolesRegistryIsInPipelineOrder() {
        assertTrue(Roles.names().indexOf("ingest") < Roles.names().indexOf("detect"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Roles.create(java.util.List.of("ingest", "nope")));
        assertTrue(e.getMessage().contains("unknown role 'nope'") && e.getMessage().contains("detect"), e.getMessage());
    }

    @Test
    void badArgumentsFailBeforeAnythingStarts() {
        assertNotEquals("0", run("run", "--roles", "nope", "--metrics-port", "0")[0]);
        assertNotEquals("0", run("run", "--camera", "no-url-here", "--metrics-port", "0")[0]);
        assertNotEquals("0", run("run", "--camera", "c=gopher://x", "--metrics-port", "0")[0]);
    }

    @Test
    void aMisspelledOrMistypedSettingStopsRunWithOneLine() {
        String[] typo = run("run", "--set", "detektor.min-score=0.3", "--metrics-port", "0");
        assertEquals("2", typo[0]);
        assertEquals("run: unknown setting 'detektor.min-score' (--set detektor.min-score=0.3); did you mean 'detector.min-score'?"
                + " Known settings: unveil run --help.", typo[2].strip());
        String[] type = run("demo", "--set", "inpaint.max-wait=soon");
        assertEquals("2", type[0]);
        assertTrue(type[2].strip().startsWith("demo: setting inpaint.max-wait must be milliseconds"), type[2]);
        String[] camera = run("run", "--camera", "door=door.mp4", "--set", "camera.dor.fps=3", "--metrics-port", "0");
        assertEquals("2", camera[0]);
        assertTrue(camera[2].contains("setting camera.dor.fps names no camera") && camera[2].contains("cameras: door"), camera[2]);
    }

    @Test
    void runAndDemoHelpListTheSettingsRegistry() {
        for (String command : new String[]{"run", "demo"}) {
            String help = run(command, "--help")[1];
            for (var spec : io.unveil.core.config.SettingRegistry.installed().specs())
                assertTrue(help.contains("  " + spec.name() + " (" + spec.type().name() + ")"), command + " --help lacks " + spec.name() + ":\n" + help);
        }
    }
}
