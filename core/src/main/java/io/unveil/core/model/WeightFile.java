package io.unveil.core.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one weight format of the project's own networks (the occlusion estimator, the ID-GAN generator and critics, the
 * parsing net), independent of any network and of how it is built (a DJL Block through {@link NetworkWeights}, or
 * plain tensors): big-endian int magic {@code 0x1D6A0001}, int tensor count, then per tensor its name (modified UTF-8
 * as {@link DataOutputStream#writeUTF}), int rank, rank long dimensions and the float32 values. A committed weight file
 * has its {@code MODEL_CARD.md} beside it (size, sha256, how it was trained and measured). Pretrained face-api weights
 * keep their own manifest format ({@link WeightManifest}): it is the import format for those.
 * {@link #average} makes one file of several snapshots of the same network (weight averaging). A file whose size
 * matters more than the last bits (the PCA face prior: 1.6 MB instead of 3.1 MB) can be written with half-precision
 * values ({@link #writeHalf}: magic {@code 0x1D6A0002}, IEEE binary16 values, round to nearest even); {@link #read}
 * reads both and returns float32.
 */
public final class WeightFile {
    static final int MAGIC = 0x1D6A0001;
    static final int HALF_MAGIC = 0x1D6A0002;
    private static final int MAX_RANK = 8;

    /** One named tensor: its dimensions and its values in row-major order. */
    public record Tensor(String name, long[] dims, float[] values) {
    }

    private WeightFile() {
    }

    /**
     * Every tensor of a weight file, in file order. A wrong magic, a truncated file, an impossible rank or dimension,
     * and a NaN or infinite value are refused with an {@link IOException} that names the tensor.
     */
    public static List<Tensor> read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int magic = d.readInt();
        if (magic != MAGIC && magic != HALF_MAGIC) throw new IOException("not an Unveil weight file");
        boolean half = magic == HALF_MAGIC;
        int n = d.readInt();
        if (n < 0) throw new IOException("corrupt weight file: " + n + " tensors");
        List<Tensor> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = d.readUTF();
            int rank = d.readInt();
            if (rank < 0 || rank > MAX_RANK) throw new IOException("corrupt weight file: tensor " + name + " of rank " + rank);
            long[] dims = new long[rank];
            long size = 1;
            for (int k = 0; k < rank; k++) {
                dims[k] = d.readLong();
                if (dims[k] < 0) throw new IOException("corrupt weight file: tensor " + name + " with dimension " + dims[k]);
                size = Math.multiplyExact(size, dims[k]);
            }
            float[] v = new float[Math.toIntExact(size)];
            for (int k = 0; k < v.length; k++) {
                v[k] = half ? Half.toFloat(d.readShort()) : d.readFloat();
                if (!Float.isFinite(v[k])) throw new IOException("tensor " + name + " holds NaN/Inf at index " + k);
            }
            out.add(new Tensor(name, dims, v));
        }
        return out;
    }

    public static List<Tensor> read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        }
    }

    public static void write(OutputStream out, List<Tensor> tensors) throws IOException {
        write(out, tensors, false);
    }

    /** Like {@link #write(Path, List)} with half-precision values (a value beyond binary16's range is refused). */
    public static void writeHalf(Path file, List<Tensor> tensors) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            write(out, tensors, true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(OutputStream out, List<Tensor> tensors, boolean half) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(half ? HALF_MAGIC : MAGIC);
        d.writeInt(tensors.size());
        for (Tensor t : tensors) {
            long size = 1;
            for (long x : t.dims()) size = Math.multiplyExact(size, x);
            if (size != t.values().length)
                throw new IllegalArgumentException("tensor " + t.name() + Arrays.toString(t.dims()) + " has " + t.values().length + " values");
            d.writeUTF(t.name());
            d.writeInt(t.dims().length);
            for (long x : t.dims()) d.writeLong(x);
            for (float f : t.values()) {
                if (half) d.writeShort(Half.fromFloat(f, t.name()));
                else d.writeFloat(f);
            }
        }
        d.flush();
    }

    /** Writes to a sibling temporary file and moves it into place, so a crash never leaves half a weight file. */
    public static void write(Path file, List<Tensor> tensors) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            write(out, tensors);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
