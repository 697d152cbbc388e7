package io.unveil.research.cli;

import io.unveil.core.model.WeightFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code unveil models average}: weight averaging (SWA-style) of snapshots of one network, e.g. the generators kept by
 * {@code unveil train idgan --keep-snapshots}. A folder stands for the {@code .bin} files in it, in name order.
 */
@Command(name = "average", mixinStandardHelpOptions = true,
        description = "Average Unveil weight files (snapshots of one network) into one file: the element-wise mean.")
public final class ModelsAverageCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = "weight files, or folders of them (their *.bin in name order)")
    List<Path> inputs;
    @Option(names = "--last", defaultValue = "0", description = "average only the last N files (0 = all)") int last;
    @Option(names = "--out", required = true, description = "the averaged weight file to write") Path out;
    @Option(names = "--half", description = "store the values as float16 (half the size; one input file = a conversion)")
    boolean half;

    @Override
    public Integer call() throws IOException {
        if (last < 0) {
            System.err.println("--last must be >= 0 (0 = all files), got " + last);
            return 2;
        }
        List<Path> files = expand(inputs);
        if (last > 0 && files.size() > last) files = files.subList(files.size() - last, files.size());
        if (files.isEmpty()) {
            System.err.println("no weight files in " + inputs);
            return 2;
        }
        List<List<WeightFile.Tensor>> all = new ArrayList<>(files.size());
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                all.add(WeightFile.read(in));
            } catch (IOException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        List<WeightFile.Tensor> mean;
        try {
            mean = WeightFile.average(all);
        } catch (IllegalArgumentException e) {
            System.err.println("cannot average these files (" + files.get(0).getFileName() + " first): " + e.getMessage());
            return 1;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (half) {
            WeightFile.writeHalf(out, mean);
        } else {
            try (OutputStream o = Files.newOutputStream(out)) {
                WeightFile.write(o, mean);
            }
        }
        System.out.printf("averaged %d files (%s .. %s) into %s%n", files.size(), files.get(0).getFileName(),
                files.get(files.size() - 1).getFileName(), out);
        return 0;
    }

    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".bin") && Files.isRegularFile(f)).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException("no such weight file or folder: " + p);
            }
        }
        return files;
    }
}
