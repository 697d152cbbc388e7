package io.unveil.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@link WeightFile} tensors to a network's named arrays: a DJL {@link Block}'s parameters (in
 * {@code getParameters()} order, under DJL's names such as {@code 01stem_01Conv2d_weight}) or any name-to-array map
 * (the project's own tensor code). Loading copies the values into the already initialised arrays, so it works under a
 * live trainer, and refuses a file whose tensor names or shapes are not exactly the network's.
 */
public final class NetworkWeights {
    private NetworkWeights() {
    }

    /** The block's initialised parameters by name, in DJL's order. */
    public static Map<String, NDArray> arrays(Block block) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().isInitialized())
                throw new IllegalStateException("parameter " + p.getKey() + " is not initialised: initialise the block first");
            out.put(p.getKey(), p.getValue().getArray());
        }
        return out;
    }

    /** The arrays' current values as weight-file tensors, in map order. */
    public static List<WeightFile.Tensor> tensors(Map<String, NDArray> arrays) {
        List<WeightFile.Tensor> out = new ArrayList<>(arrays.size());
        for (Map.Entry<String, NDArray> e : arrays.entrySet())
            out.add(new WeightFile.Tensor(e.getKey(), e.getValue().getShape().getShape(), e.getValue().toFloatArray()));
        return out;
    }

    /** Copies each tensor into the array of the same name; every array must get exactly one tensor of its shape. */
    public static void assign(List<WeightFile.Tensor> file, Map<String, NDArray> arrays) throws IOException {
        if (file.size() != arrays.size())
            throw new IOException("weight file holds " + file.size() + " tensors, network has " + arrays.size());
        for (WeightFile.Tensor t : file) {
            NDArray target = arrays.get(t.name());
            if (target == null) throw new IOException("weight file has unknown tensor " + t.name());
            Shape shape = new Shape(t.dims());
            if (!target.getShape().equals(shape))
                throw new IOException("tensor " + t.name() + " has shape " + shape + ", network expects " + target.getShape());
        }
        for (WeightFile.Tensor t : file) ArrayCopy.into(arrays.get(t.name()), t.values());
    }

    public static void write(Block block, OutputStream out) throws IOException {
        WeightFile.write(out, tensors(arrays(block)));
    }

    public static void read(Block block, InputStream in) throws IOException {
        assign(WeightFile.read(in), arrays(block));
    }
}
