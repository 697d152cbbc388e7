package io.unveil.research.eval.inpaint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * LFW's own {@code pairs.txt} (View 2): a header "folds n", then per fold n same lines "name i j" and n different
 * lines "name1 i name2 j"; images are {@code <root>/<name>/<name>_<i as %04d>.jpg}.
 */
public final class LfwPairsFile {
    private LfwPairsFile() {
    }

    public record Entry(String identityA, Path fileA, String identityB, Path fileB, boolean same, int fold) {
    }

    public static List<Entry> read(Path pairsTxt, Path imagesRoot) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pairsTxt).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pairsTxt, e);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(pairsTxt + " is empty");
        String[] head = lines.get(0).split("\\s+");
        int folds, n;
        try {
            folds = head.length >= 2 ? Integer.parseInt(head[0]) : 1;
            n = Integer.parseInt(head[head.length - 1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(pairsTxt + ": first line must be '<folds> <pairs per class>', got '" + lines.get(0) + "'");
        }
        if (lines.size() - 1 != folds * 2 * n)
            throw new IllegalArgumentException(pairsTxt + ": expected " + folds * 2 * n + " pair lines, found " + (lines.size() - 1));
        List<Entry> out = new ArrayList<>();
        int k = 1;
        for (int f = 0; f < folds; f++) {
            for (int i = 0; i < 2 * n; i++, k++) {
                String[] t = lines.get(k).split("\\s+");
                try {
                    if (t.length == 3)
                        out.add(new Entry(t[0], file(imagesRoot, t[0], t[1]), t[0], file(imagesRoot, t[0], t[2]), true, f));
                    else if (t.length == 4)
                        out.add(new Entry(t[0], file(imagesRoot, t[0], t[1]), t[2], file(imagesRoot, t[2], t[3]), false, f));
                    else throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(pairsTxt + ":" + (k + 1) + ": expected 'name i j' or 'name1 i name2 j'");
                }
            }
        }
        return out;
    }

    static Path file(Path root, String name, String index) {
        return root.resolve(name).resolve(String.format("%s_%04d.jpg", name, Integer.parseInt(index)));
    }
}
