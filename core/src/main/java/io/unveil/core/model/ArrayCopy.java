package io.unveil.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Copies values into an existing array (loading weights into a network's parameters) without {@code NDArray.set(Buffer)}:
 * DJL 0.36's native {@code torchSet} runs under libtorch's deprecated {@code AutoNonVariableTypeMode} guard (the only
 * JNI function of libdjl_torch.so that constructs it, by objdump), whose constructor prints a 4-line
 * "AutoNonVariableTypeMode is deprecated" warning straight to the process's stderr on the first model load; a Java
 * logger cannot catch it and TORCH_CPP_LOG_LEVEL cannot be set from inside the JVM. The indexed put below
 * ({@code torchIndexPut}) does the same copy without that guard.
 */
public final class ArrayCopy {
    private static final NDIndex ALL = new NDIndex("...");

    private ArrayCopy() {
    }

    /** Writes {@code values} (row-major, as many as the array holds) into {@code target}, keeping its shape and type. */
    public static void into(NDArray target, float[] values) {
        if (target.size() != values.length)
            throw new IllegalArgumentException("array " + target.getShape() + " cannot take " + values.length + " values");
        try (NDArray v = target.getManager().create(values, target.getShape())) {
            target.set(ALL, v);
        }
    }
}
