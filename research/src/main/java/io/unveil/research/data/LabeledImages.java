package io.unveil.research.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A labelled face set: either a {@code labels.csv} (file,identity; file relative to the set folder) or one folder per
 * identity. Order is deterministic (sorted) so splits and pairs made from a seed are reproducible.
 */
public record LabeledImages(Path root, List<Item> items) {
    public record Item(Path file, String identity) {
    }

    public static LabeledImages load(Path root) {
        Path csv = root.resolve("labels.csv");
        List<Item> items = new ArrayList<>();
        try {
            if (Files.isRegularFile(csv)) {
                List<String> lines = Files.readAllLines(csv);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.isEmpty() || (i == 0 && line.toLowerCase().startsWith("file,"))) continue;
                    int comma = line.lastIndexOf(',');
                    if (comma <= 0) throw new IllegalArgumentException(csv + ":" + (i + 1) + ": expected file,identity");
                    items.add(new Item(root.resolve(line.substring(0, comma).trim()), line.substring(comma + 1).trim()));
                }
            } else {
                try (Stream<Path> dirs = Files.list(root)) {
                    for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                        try (Stream<Path> files = Files.list(d)) {
                            files.filter(LabeledImages::isImage).sorted()
                                    .forEach(f -> items.add(new Item(f, d.getFileName().toString())));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labelled set " + root, e);
        }
        items.sort(Comparator.comparing((Item it) -> it.identity()).thenComparing(it -> it.file().toString()));
        if (items.isEmpty()) throw new IllegalArgumentException("no labelled images under " + root);
        return new LabeledImages(root, List.copyOf(items));
    }

    public Map<String, List<Path>> byIdentity() {
        Map<String, List<Path>> m = new TreeMap<>();
        for (Item it : items) m.computeIfAbsent(it.identity(), k -> new ArrayList<>()).add(it.file());
        return new LinkedHashMap<>(m);
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp") || n.endsWith(".pgm");
    }
}
