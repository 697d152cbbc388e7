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
    void everyHelpPageRendersWithoutFormatWarnings() {
        // picocli reads descriptions as format strings: a bare "95% intervals" printed a "[picocli WARN] Could not format"
        // paragraph on top of `unveil help` and `eval --help`. Its tracer writes to System.err, not to the command's writer.
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        java.util.List<String> pages = new java.util.ArrayList<>();
        try {
            java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(Unveil.commandLine()));
            while (!todo.isEmpty()) {
                CommandLine c = todo.pop();
                pages.add(c.getCommandSpec().qualifiedName());
                c.getUsageMessage();
                todo.addAll(c.getSubcommands().values());
            }
        } finally {
            System.setErr(saved);
        }
        String err = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(pages.size() > 20, "walked " + pages);
        assertTrue(!err.contains("picocli WARN"), err);
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
    void calibrateOnAMissingFolderIsOneLineWithTheFix() {
        String[] r = run("calibrate", "--data", "/nope/not-here");
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("calibrate: --data /nope/not-here is not a folder") && r[2].contains("Data sets"), r[2]);
        String[] verbose = run("-v", "calibrate", "--data", "/nope/not-here");
        assertTrue(verbose[2].contains("\tat io.unveil"), "-v adds the stack trace: " + verbose[2]);
    }

    /** Three people, two photos each (face-api's demo photos, largest face): 6 embeddings x 2 other centroids = 12 impostor scores. */
    @Test
    void calibrateRefusesATargetFarTheSetCannotSupportAndWritesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path demo = io.unveil.core.model.FaceApiModels.ensureDefault().dir().resolve("demo");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(demo.resolve("sample3.jpg")),
                "face-api's demo photos are not in the model cache (" + demo + "): `unveil models fetch` unpacks them with the models");
        java.nio.file.Path set = dir.resolve("set");
        for (String person : new String[]{"1", "2", "3"}) {
            java.nio.file.Path d = java.nio.file.Files.createDirectories(set.resolve("p" + person));
            java.nio.file.Files.copy(demo.resolve("sample" + person + ".jpg"), d.resolve("a.jpg"));
            java.nio.file.Files.copy(demo.resolve("sample" + person + ".jpg"), d.resolve("b.jpg"));
        }
        java.nio.file.Path out = dir.resolve("calibration.json");
        String[] refused = run("calibrate", "--data", set.toString(), "--out", out.toString());
        assertEquals("2", refused[0], refused[2]);
        assertEquals("calibrate: plain: the set gives 12 impostor scores, FAR 1e-03 needs at least 10000 (10/FAR) for a meaningful threshold: "
                + "use a set with more identities or images, or --far 0.84 or higher (what 12 scores support); nothing written "
                + "(--force writes it anyway)", refused[2].strip());
        assertTrue(!java.nio.file.Files.exists(out), "nothing written");
        assertEquals("0", run("calibrate", "--data", set.toString(), "--out", out.toString(), "--far", "0.84")[0], "0.84 is supported");
        java.nio.file.Files.delete(out);
        assertEquals("0", run("calibrate", "--data", set.toString(), "--out", out.toString(), "--force")[0]);
        assertTrue(java.nio.file.Files.isRegularFile(out), "--force writes it");
        // the repaired conditions are filled by inpaint.generator's default unless --generator names another
        String written = java.nio.file.Files.readString(out);
        assertTrue(written.contains("repaired by idgan:/io/unveil/inpaint/idgan/generator-prior.bin"), written.substring(0, Math.min(400, written.length())));
        java.nio.file.Files.delete(out);
        assertEquals("0", run("calibrate", "--data", set.toString(), "--out", out.toString(), "--force", "--generator", "bundled")[0]);
        written = java.nio.file.Files.readString(out);
        assertTrue(written.contains("repaired by idgan:/io/unveil/inpaint/idgan/generator.bin") && !written.contains("generator-prior"), "--generator bundled");
        // occluded probes the live way: drawn into the photo, found again by YuNet + the masked landmark net
        String[] noRepair = run("calibrate", "--data", set.toString(), "--out", out.toString(), "--force", "--realigned");
        assertEquals("2", noRepair[0]);
        assertEquals("calibrate: --realigned needs --no-repaired: a re-aligned probe has no exact occluder mask to repair", noRepair[2].strip());
        // calibrate's progress goes to the process's stderr
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
        String[] realigned;
        try {
            System.setErr(new java.io.PrintStream(progress, true, java.nio.charset.StandardCharsets.UTF_8));
            realigned = run("calibrate", "--data", set.toString(), "--out", out.toString(), "--force", "--realigned", "--no-repaired");
        } finally {
            System.setErr(saved);
        }
        String log = progress.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("0", realigned[0], realigned[2]);
        assertTrue(log.matches("(?s).*calibrate: occluded probes re-aligned the live way: \\d found again, \\d not.*")
                && !log.contains(": 0 found again"), log);
    }

    @Test
    void aBadCameraSchemeIsOneLineNamingTheSchemesThatWork() {
        String[] r = run("run", "--camera", "x=ftp://host/cam", "--metrics-port", "0");
        assertEquals("2", r[0]);
        assertEquals("run: unsupported camera URL scheme: ftp://host/cam (use a file path, file://, http(s)://, rtsp:// or /dev/videoN)",
                r[2].strip());
    }

    @Test
    void aBusyMetricsPortNamesThePortAndTheFlag() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String[] r = run("run", "--roles", "ingest", "--metrics-port", Integer.toString(busy.getLocalPort()),
                    "--data-dir", java.nio.file.Files.createTempDirectory("unveil-busy").toString());
            assertEquals("2", r[0], r[2]);
            assertEquals("run: port " + busy.getLocalPort() + " on 127.0.0.1 is already in use: stop what holds it or choose another "
                    + "port with --metrics-port", r[2].strip());
        }
    }

    @Test
    void aBindFailureWrappedByAServerLibraryIsRecognised() {
        var javalinLike = new IllegalStateException("Port already in use. Make sure no other process is using port 8080 and try again.",
                new java.net.BindException("Address already in use"));
        assertTrue(io.unveil.core.net.PortInUseException.isBindFailure(new RuntimeException(javalinLike)));
        assertTrue(!io.unveil.core.net.PortInUseException.isBindFailure(new IllegalStateException("closed")));
        var shown = new io.unveil.core.net.PortInUseException("127.0.0.1", 8080, "--set gallery.port=<port> (0 = any free port)", javalinLike);
        assertEquals("port 8080 on 127.0.0.1 is already in use: stop what holds it or choose another port with --set gallery.port=<port>"
                + " (0 = any free port)", CliErrors.oneLine(new RuntimeException("cannot start role gallery", shown)));
    }

    @Test
    void identitiesTakeAUniqueNameAndRefuseAnAmbiguousOne() throws Exception {
        try (FakeGallery g = new FakeGallery()) {
            String[] del = run("identities", "delete", "Ada", "--url", g.url(), "--api-key", FakeGallery.KEY);
            assertEquals("0", del[0], del[2]);
            assertEquals("deleted id-ada (Ada)", del[1].strip());
            String[] ren = run("identities", "--url", g.url(), "--api-key", FakeGallery.KEY, "rename", "ada", "Ada L.");
            assertEquals("0", ren[0], ren[2]);
            assertEquals(java.util.List.of("DELETE id-ada", "PATCH id-ada"), g.changes);
            String[] bob = run("identities", "delete", "Bob", "--url", g.url(), "--api-key", FakeGallery.KEY);
            assertEquals("1", bob[0]);
            assertEquals("ambiguous: 2 identities are named 'Bob', ids id-bob-1, id-bob-2: give one of the ids", bob[2].strip());
            String[] none = run("identities", "delete", "Eve", "--url", g.url(), "--api-key", FakeGallery.KEY);
            assertTrue(none[2].contains("no identity has the id or name 'Eve'"), none[2]);
            assertEquals(2, g.changes.size(), "nothing deleted on an ambiguous or unknown name");
        }
    }

    @Test
    void aRefusedKeySaysWhichKeyFileWasUsed() throws Exception {
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("unveil-home");
        java.nio.file.Files.writeString(home.resolve("gallery-admin.key"), "stale-key\n");
        String before = System.getProperty("unveil.home");
        System.setProperty("unveil.home", home.toString());
        try (FakeGallery g = new FakeGallery()) {
            String[] r = run("identities", "list", "--url", g.url());
            assertEquals("1", r[0]);
            assertTrue(r[2].startsWith("HTTP 401: missing or unknown API key (the API key came from key file "
                    + home.resolve("gallery-admin.key")), r[2]);
            String[] flag = run("identities", "--url", g.url(), "--api-key", "nope");
            assertTrue(flag[2].contains("the API key came from --api-key"), flag[2]);
        } finally {
            if (before == null) System.clearProperty("unveil.home");
            else System.setProperty("unveil.home", before);
        }
    }

    @Test
    void helpNamesTheEffectiveHomeFolder() throws Exception {
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("unveil-home");
        String before = System.getProperty("unveil.home");
        System.setProperty("unveil.home", home.toString());
        try {
            for (String[] cmd : new String[][]{{"identities", "--help"}, {"models", "--help"}}) {
                String help = run(cmd)[1].replaceAll("\\s+", "");
                assertTrue(help.contains(home.toString().replaceAll("\\s+", "")), String.join(" ", cmd) + ":\n" + help);
                assertTrue(!help.contains("~/.cache/unveil"), help);
            }
        } finally {
            if (before == null) System.clearProperty("unveil.home");
            else System.setProperty("unveil.home", before);
        }
    }

    @Test
    void clusterOptionsGoBeforeOrAfterTheSubcommand() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("unveil-cluster").resolve("none");
        for (String[] args : new String[][]{{"cluster", "status", "--dir", dir.toString()}, {"cluster", "--dir", dir.toString(), "status"}}) {
            String[] r = run(args);
            assertEquals("2", r[0], r[2]);
            assertEquals("status: no cluster in " + dir.toAbsolutePath() + " (run `unveil cluster up` first)", r[2].strip());
        }
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
