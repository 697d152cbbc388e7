package io.unveil.deploy.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JVM started by the local cluster in its own folder: {@code pid} and {@code out.log} live there, so another
 * {@code unveil cluster} invocation can find, inspect and stop it. The process command line carries a marker
 * ({@code -Dunveil.cluster.node=<folder>}) so a recycled pid is never mistaken for ours.
 */
public final class ManagedProcess {
    private final Path dir;

    public ManagedProcess(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    public Path dir() {
        return dir;
    }

    public Path log() {
        return dir.resolve("out.log");
    }

    private Path pidFile() {
        return dir.resolve("pid");
    }

    public String marker() {
        return "-Dunveil.cluster.node=" + dir;
    }

    /** Starts {@code java <jvmArgs> -cp <classpath> <mainClass> <args>} detached, output appended to out.log. */
    public long start(List<String> jvmArgs, String classpath, String mainClass, List<String> args) {
        if (alive().isPresent()) throw new IllegalStateException(dir + " is already running (pid " + alive().get().pid() + ")");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(marker());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        try {
            Files.createDirectories(dir);
            Files.writeString(log(), "\n---- start " + java.time.Instant.now() + ": " + mainClass + " " + String.join(" ", args) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log().toFile())).redirectInput(Redirect.from(new java.io.File("/dev/null")));
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            Process p = pb.start();
            Files.writeString(pidFile(), Long.toString(p.pid()));
            return p.pid();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass + " in " + dir, e);
        }
    }

    /** The live process recorded in the pid file, if it is still ours. */
    public Optional<ProcessHandle> alive() {
        if (!Files.exists(pidFile())) return Optional.empty();
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile()).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker())).orElse(false)
                        || h.info().arguments().map(a -> List.of(a).contains(marker())).orElse(false));
    }

    /** SIGTERM (graceful: Kafka does a controlled shutdown), then SIGKILL after {@code grace}. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> h = alive();
        if (h.isEmpty()) return false;
        h.get().destroy();
        try {
            h.get().onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            h.get().destroyForcibly();
            waitExit(h.get());
        }
        return true;
    }

    /** SIGKILL now: the process gets no chance to flush, commit or leave its group. */
    public boolean kill() {
        Optional<ProcessHandle> h = alive();
        if (h.isEmpty()) return false;
        h.get().destroyForcibly();
        waitExit(h.get());
        return true;
    }

    private static void waitExit(ProcessHandle h) {
        try {
            h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("process " + h.pid() + " did not exit", e);
        }
    }

    /** The last {@code lines} lines of out.log (for error messages). */
    public String tail(int lines) {
        try {
            if (!Files.exists(log())) return "";
            List<String> all = Files.readAllLines(log());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log() + ")";
        }
    }
}
