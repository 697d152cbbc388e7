package io.unveil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.deploy.k8s.DeployPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Naming of one style across the modules' main code: loggers, and the stage packages of the roles. */
class SourceConventionsTest {
    private static final Pattern LOGGER = Pattern.compile("Logger\\s+(\\w+)\\s*=\\s*LoggerFactory\\.getLogger\\(([^)]*)\\)");

    private static List<Path> mainSources() throws IOException {
        Path root = DeployPaths.repoRoot();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path m : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(m.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
                }
            }
        }
        assertTrue(out.size() > 100, "found the sources: " + out.size());
        return out;
    }

    @Test
    void everyLoggerIsTheClassesOwnNamedLog() throws IOException {
        Path root = DeployPaths.repoRoot();
        List<String> wrong = new ArrayList<>();
        for (Path f : mainSources()) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            String cls = f.getFileName().toString().replace(".java", "");
            Matcher m = LOGGER.matcher(read(f));
            while (m.find()) {
                if (!m.group(1).equals("LOG") || !m.group(2).equals(cls + ".class")) wrong.add(rel + ": " + m.group());
            }
        }
        assertEquals(List.of(), wrong, "private static final Logger LOG = LoggerFactory.getLogger(ThisClass.class)");
    }

    @Test
    void theRolesStagesLiveInPackagesNamedStage() throws IOException {
        List<String> wrong = mainSources().stream().map(Path::getParent).distinct()
                .filter(d -> Set.of("stream", "streams", "role", "roles").contains(d.getFileName().toString()))
                .map(Path::toString).toList();
        assertEquals(List.of(), wrong);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
