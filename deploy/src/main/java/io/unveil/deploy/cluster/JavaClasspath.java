package io.unveil.deploy.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of this JVM as a list of real files, for starting sibling JVMs (brokers, role workers) from the same
 * jars. A jar whose manifest carries a {@code Class-Path} (unveil.jar with its lib/, or Surefire's booter jar) is
 * expanded, so the child sees every jar even when this JVM was started with {@code -jar}.
 */
public final class JavaClasspath {
    private JavaClasspath() {
    }

    public static String current() {
        Set<String> out = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) add(Path.of(entry).toAbsolutePath(), out);
        }
        return String.join(File.pathSeparator, out);
    }

    private static void add(Path entry, Set<String> out) {
        if (!out.add(entry.toString())) return;
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) return;
        Manifest mf;
        try (JarFile jar = new JarFile(entry.toFile())) {
            mf = jar.getManifest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry, e);
        }
        if (mf == null) return;
        String cp = mf.getMainAttributes().getValue("Class-Path");
        if (cp == null) return;
        List<Path> refs = new ArrayList<>();
        for (String ref : cp.trim().split("\\s+")) {
            if (ref.isEmpty()) continue;
            URI uri = ref.startsWith("file:") ? URI.create(ref) : entry.getParent().toUri().resolve(ref);
            refs.add(Path.of(uri));
        }
        refs.forEach(r -> add(r, out));
    }
}
