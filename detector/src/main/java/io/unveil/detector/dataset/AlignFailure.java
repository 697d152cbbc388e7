package io.unveil.detector.dataset;

import java.nio.file.Path;

/** A labelled photo that gave no aligned face (no face found, or not decodable); {@code reason} says which. */
public record AlignFailure(String identity, Path sourceFile, String reason) {
}
