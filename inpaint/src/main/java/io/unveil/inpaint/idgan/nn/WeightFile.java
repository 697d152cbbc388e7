package io.unveil.inpaint.idgan.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Unveil weight format, independent of any network: magic, tensor count, then per tensor its name, rank, dimensions
 * and big-endian floats. {@link Params} saves and loads through it; {@link #average} makes one file of several
 * snapshots of the same network (weight averaging over the last checkpoints of a run).
 */
public final class WeightFile {
    static final int MAGIC = 0x1D6A0001;

    public record Tensor(String name, long[] dims, float[] values) {
    }

    private WeightFile() {
    }

    public static List<Tensor> read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC) throw new IOException("not an Unveil weight file");
        int n = d.readInt();
        if (n < 0) throw new IOException("corrupt weight file: " + n + " tensors");
        List<Tensor> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = d.readUTF();
            int rank = d.readInt();
            if (rank < 0 || rank > 8) throw new IOException("corrupt weight file: tensor " + name + " of rank " + rank);
            long[] dims = new long[rank];
            long size = 1;
            for (int k = 0; k < rank; k++) {
                dims[k] = d.readLong();
                if (dims[k] < 0) throw new IOException("corrupt weight file: tensor " + name + " with dimension " + dims[k]);
                size = Math.multiplyExact(size, dims[k]);
            }
            float[] v = new float[Math.toIntExact(size)];
            for (int k = 0; k < v.length; k++) v[k] = d.readFloat();
            out.add(new Tensor(name, dims, v));
        }
        return out;
    }

    public static void write(OutputStream out, List<Tensor> tensors) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(tensors.size());
        for (Tensor t : tensors) {
            d.writeUTF(t.name());
            d.writeInt(t.dims().length);
            for (long x : t.dims()) d.writeLong(x);
            for (float f : t.values()) d.writeFloat(f);
        }
        d.flush();
    }

    /** The element-wise mean of files holding the same tensors (names, order and shapes), computed in double. */
    public static List<Tensor> average(List<List<Tensor>> files) {
        if (files.isEmpty()) throw new IllegalArgumentException("nothing to average");
        List<Tensor> first = files.get(0);
        List<Tensor> out = new ArrayList<>(first.size());
        for (int t = 0; t < first.size(); t++) {
            Tensor ref = first.get(t);
            double[] sum = new double[ref.values().length];
            for (int f = 0; f < files.size(); f++) {
                List<Tensor> file = files.get(f);
                if (file.size() != first.size())
                    throw new IllegalArgumentException("file " + (f + 1) + " holds " + file.size() + " tensors, the first " + first.size());
                Tensor x = file.get(t);
                if (!x.name().equals(ref.name()) || !Arrays.equals(x.dims(), ref.dims()))
                    throw new IllegalArgumentException("file " + (f + 1) + " has tensor " + x.name() + Arrays.toString(x.dims())
                            + " where the first has " + ref.name() + Arrays.toString(ref.dims()));
                float[] v = x.values();
                for (int i = 0; i < v.length; i++) sum[i] += v[i];
            }
            float[] mean = new float[sum.length];
            for (int i = 0; i < sum.length; i++) mean[i] = (float) (sum[i] / files.size());
            out.add(new Tensor(ref.name(), ref.dims(), mean));
        }
        return out;
    }
}
