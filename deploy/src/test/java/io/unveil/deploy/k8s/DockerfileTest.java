package io.unveil.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static checks of {@code deploy/Dockerfile} (no Docker engine runs on the build machines): multi-stage with a JRE-only
 * runtime, pinned base images, non-root at run time, every COPY source present in the build context and not excluded
 * by the .dockerignore, every reactor module built, the entrypoint pointing at the jar the image contains.
 */
class DockerfileTest {
    /** Build-context paths the user provides (documented in the Dockerfile and README), not in the repository. */
    static final List<String> USER_PROVIDED = List.of("deploy/libtorch/");

    record Instruction(String stage, String op, String args) {
    }

    static List<Instruction> instructions;
    static Map<String, String> stageBase;
    static Path root;

    @BeforeAll
    static void parse() throws IOException {
        root = DeployPaths.repoRoot();
        instructions = new ArrayList<>();
        stageBase = new LinkedHashMap<>();
        String stage = null;
        StringBuilder logical = new StringBuilder();
        for (String raw : Files.readAllLines(root.resolve("deploy/Dockerfile"))) {
            String line = raw.strip();
            if (logical.isEmpty() && (line.isEmpty() || line.startsWith("#"))) continue;
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String full = logical.toString().strip();
            logical.setLength(0);
            int sp = full.indexOf(' ');
            String op = full.substring(0, sp).toUpperCase();
            String args = full.substring(sp + 1).strip();
            if (op.equals("FROM")) {
                Matcher m = Pattern.compile("(\\S+)\\s+AS\\s+(\\S+)", Pattern.CASE_INSENSITIVE).matcher(args);
                assertTrue(m.matches(), "every stage is named: FROM " + args);
                stage = m.group(2);
                stageBase.put(stage, m.group(1));
            }
            instructions.add(new Instruction(stage, op, args));
        }
    }

    @Test
    void multiStageWithAJreRuntimeAndPinnedBases() {
        assertTrue(stageBase.containsKey("build") && stageBase.containsKey("runtime"), "stages: " + stageBase);
        assertTrue(stageBase.get("runtime").contains("-jre"), "runtime is a JRE image: " + stageBase.get("runtime"));
        for (var e : stageBase.entrySet()) {
            String base = e.getValue();
            if (stageBase.containsKey(base)) continue; // FROM an earlier stage
            assertTrue(base.contains(":") && !base.endsWith(":latest"), "stage " + e.getKey() + " pins its base: " + base);
        }
        assertFalse(instructions.stream().anyMatch(i -> i.stage().equals("runtime") && i.args().contains("mvn")),
                "no build tool in the runtime stage");
    }

    @Test
    void everyRunnableStageEndsAsANonRootUser() {
        for (String stage : List.of("runtime", "gpu", "cpu")) {
            String user = effectiveUser(stage);
            assertNotNull(user, stage + " sets a USER");
            String uid = user.split(":")[0];
            assertTrue(uid.matches("\\d+") && Integer.parseInt(uid) != 0, stage + " runs as a numeric non-root uid: " + user);
        }
    }

    /** The last USER of a stage or, when it has none, of the stage it is built FROM. */
    private static String effectiveUser(String stage) {
        String user = null;
        for (Instruction i : instructions) if (stage.equals(i.stage()) && i.op().equals("USER")) user = i.args();
        if (user != null) return user;
        String base = stageBase.get(stage);
        return stageBase.containsKey(base) ? effectiveUser(base) : null;
    }

    @Test
    void copiesComeFromEarlierStagesOrFromTheContext() throws IOException {
        List<String> seen = new ArrayList<>();
        List<PathMatcher> ignored = dockerignore();
        for (Instruction i : instructions) {
            if (i.op().equals("FROM")) seen.add(i.stage());
            if (!i.op().equals("COPY")) continue;
            List<String> parts = new ArrayList<>(List.of(i.args().split("\\s+")));
            String from = null;
            while (parts.get(0).startsWith("--")) {
                String flag = parts.remove(0);
                if (flag.startsWith("--from=")) from = flag.substring("--from=".length());
            }
            List<String> sources = parts.subList(0, parts.size() - 1);
            if (from != null) {
                assertTrue(seen.contains(from) && !from.equals(i.stage()), "COPY --from=" + from + " names an earlier stage");
                continue;
            }
            for (String src : sources) {
                if (USER_PROVIDED.contains(src)) continue;
                assertTrue(Files.exists(root.resolve(src)), "COPY source in the build context: " + src);
                for (PathMatcher m : ignored)
                    assertFalse(m.matches(Path.of(src.replaceAll("/$", ""))), "COPY source excluded by .dockerignore: " + src);
            }
        }
    }

    @Test
    void everyReactorModuleIsCopiedIntoTheBuild() throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        List<String> copiedSources = instructions.stream().filter(i -> i.stage().equals("build") && i.op().equals("COPY"))
                .map(Instruction::args).toList();
        while (m.find()) {
            String module = m.group(1);
            assertTrue(copiedSources.stream().anyMatch(a -> a.startsWith(module + "/pom.xml ")), module + "/pom.xml copied");
            assertTrue(copiedSources.stream().anyMatch(a -> a.startsWith(module + "/src ")), module + "/src copied");
        }
    }

    @Test
    void entrypointRunsTheJarTheImageHoldsOffline() {
        Instruction entry = instructions.stream().filter(i -> i.op().equals("ENTRYPOINT")).reduce((a, b) -> b).orElseThrow();
        Matcher jar = Pattern.compile("\"(/[^\"]+\\.jar)\"").matcher(entry.args());
        assertTrue(jar.find(), "ENTRYPOINT runs a jar: " + entry.args());
        String path = jar.group(1);
        assertTrue(instructions.stream().anyMatch(i -> i.op().equals("COPY") && i.stage().equals(entry.stage())
                && i.args().endsWith(" " + path)), "the runtime stage copies " + path);
        String env = instructions.stream().filter(i -> i.stage().equals("runtime") && i.op().equals("ENV"))
                .map(Instruction::args).reduce("", String::concat);
        assertTrue(env.contains("-Dai.djl.offline=true"), "models never fetched at run time");
        assertEquals(1, instructions.stream().filter(i -> i.op().equals("EXPOSE") && i.args().contains("9464")).count(),
                "metrics port exposed");
    }

    /**
     * The build stage pre-fetches every pinned npm package into the home the runtime stage copies, in the JVM that runs
     * the snippets: jshell's -J options reach only its own front-end JVM (a -J home fetched into /root/.cache, and the
     * build's check failed), -R ones the execution JVM.
     */
    @Test
    void theBuildPrefetchesEveryPinnedPackageIntoTheHomeTheRuntimeCopies() {
        Instruction fetch = instructions.stream().filter(i -> i.op().equals("RUN") && i.args().contains("jshell")).findFirst()
                .orElseThrow(() -> new AssertionError("no jshell pre-fetch in the build stage"));
        assertTrue(fetch.args().contains("-R-Dunveil.home=/opt/unveil/home"), fetch.args());
        assertTrue(!fetch.args().contains("-J-Dunveil.home"), "a -J home never reaches the snippets: " + fetch.args());
        for (String pkg : List.of("FaceApiModels", "MobileFaceNetModels"))
            assertTrue(fetch.args().contains("io.unveil.core.model." + pkg + ".ensureDefault();"), pkg + " pre-fetched");
        assertTrue(fetch.args().contains("test -s /opt/unveil/home/models/faceplugin-0.0.1/model/fr_feature.onnx"), fetch.args());
        assertTrue(instructions.stream().anyMatch(i -> i.stage().equals("runtime") && i.op().equals("COPY")
                && i.args().contains("/opt/unveil/home/ /opt/unveil/home/")), "the runtime stage copies the home");
    }

    private static List<PathMatcher> dockerignore() throws IOException {
        List<PathMatcher> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("deploy/Dockerfile.dockerignore"))) {
            String p = line.strip();
            if (p.isEmpty() || p.startsWith("#") || p.startsWith("!")) continue;
            out.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
            if (p.startsWith("**/")) out.add(FileSystems.getDefault().getPathMatcher("glob:" + p.substring(3)));
        }
        return out;
    }

    /**
     * The GPU stage's PYTORCH_FLAVOR is one DJL's pytorch-jni ships a JNI library for (0.36.0 / 2.7.1: cpu and cu128 for
     * linux-x86_64), and the README's GPU section names the same flavor.
     */
    @Test
    void gpuStageNamesTheCudaFlavorOfDjlsJniAndTheReadmeAgrees() throws IOException {
        Matcher m = Pattern.compile("PYTORCH_FLAVOR=(\\w+)").matcher(Files.readString(root.resolve("deploy/Dockerfile")));
        assertTrue(m.find(), "the gpu stage sets PYTORCH_FLAVOR");
        String flavor = m.group(1);
        assertNotNull(Thread.currentThread().getContextClassLoader().getResource("jnilib/linux-x86_64/" + flavor + "/libdjl_torch.so"),
                "DJL's pytorch-jni has no linux-x86_64/" + flavor + " library");
        Matcher readme = Pattern.compile("PYTORCH_FLAVOR=(\\w+)").matcher(Files.readString(root.resolve("README.md")));
        assertTrue(readme.find(), "README's GPU section names the flavor");
        assertEquals(flavor, readme.group(1), "README and Dockerfile name different CUDA flavors");
    }
}
