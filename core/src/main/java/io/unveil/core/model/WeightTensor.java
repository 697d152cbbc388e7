package io.unveil.core.model;

import java.util.Arrays;

/** One named tensor from a face-api weights manifest, dequantized to float32, in its TensorFlow layout. */
public record WeightTensor(String name, int[] shape, float[] data) {
    public int size() {
        return data.length;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
