package io.unveil.inpaint.occlusion;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The network's parameters (weights, biases, batch-norm statistics) as a small self-describing file: magic, count,
 * then per parameter its name, shape and float32 values. Loading copies values into the already initialized arrays
 * (so it works under a live trainer) and checks every name and shape.
 */
public final class OcclusionWeights {
    private static final String MAGIC = "UNVEIL-OCCLUSION-WEIGHTS-1";

    private OcclusionWeights() {
    }

    public static void write(Block block, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeUTF(MAGIC);
        var params = block.getParameters();
        d.writeInt(params.size());
        for (Pair<String, Parameter> p : params) {
            NDArray a = p.getValue().getArray();
            d.writeUTF(p.getKey());
            long[] shape = a.getShape().getShape();
            d.writeInt(shape.length);
            for (long s : shape) d.writeLong(s);
            float[] v = a.toFloatArray();
            for (float f : v) d.writeFloat(f);
        }
        d.flush();
    }

    public static void read(Block block, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        String magic = d.readUTF();
        if (!MAGIC.equals(magic)) throw new IOException("not an occlusion weights file (magic '" + magic + "')");
        var params = block.getParameters();
        int n = d.readInt();
        if (n != params.size()) throw new IOException("weights hold " + n + " parameters, network has " + params.size());
        for (Pair<String, Parameter> p : params) {
            String name = d.readUTF();
            if (!name.equals(p.getKey())) throw new IOException("expected parameter " + p.getKey() + ", file has " + name);
            long[] shape = new long[d.readInt()];
            for (int i = 0; i < shape.length; i++) shape[i] = d.readLong();
            NDArray a = p.getValue().getArray();
            if (!Arrays.equals(shape, a.getShape().getShape()))
                throw new IOException(name + ": shape " + Arrays.toString(shape) + " != " + a.getShape());
            float[] v = new float[Math.toIntExact(a.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = d.readFloat();
                if (!Float.isFinite(v[i])) throw new IOException(name + " holds NaN/Inf");
            }
            a.set(v);
        }
    }
}
