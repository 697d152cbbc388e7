package io.unveil.research.data;

import java.nio.file.Path;

/** A labelled photo that gave no aligned face (no face found, or not decodable); {@code reason} says which. */
public record AlignFailure(String identity, Path sourceFile, String reason) {
}
