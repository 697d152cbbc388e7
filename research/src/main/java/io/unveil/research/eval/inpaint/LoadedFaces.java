package io.unveil.research.eval.inpaint;

import java.nio.file.Path;
import java.util.List;

/** The aligned faces of a set plus every image whose face could not be found (reported, never silently dropped). */
public record LoadedFaces(List<EvalFace> faces, List<Failure> failures) {
    public record Failure(Path file, String identity, String reason) {
    }
}
