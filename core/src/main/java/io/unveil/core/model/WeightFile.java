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
 * as {@link DataOutputStream#writeUTF}), int rank, rank long dimensions and the float32 values. A half-precision file
 * ({@link #writeHalf}, magic {@code 0x1D6A0002}) stores the values as IEEE float16 (round to nearest even) and reads
 * back as float32: half the size for a committed file whose network tolerates it (the fine-tuned landmark net: its
 * model card gives the measured difference). A committed weight file
 * has its {@code MODEL_CARD.md} beside it (size, sha256, how it was trained and measured). Pretrained face-api weights
 * keep their own manifest format ({@link WeightManifest}): it is the import format for those.
 * {@link #average} makes one file of several snapshots of the same network (weight averaging). A file whose size
 * matters more than the last bits (the PCA face prior: 1.6 MB instead of 3.1 MB) can be written with half-precision
 * values ({@link #writeHalf}: magic {@code 0x1D6A0002}, IEEE binary16 values, round to nearest even); {@link #read}
 * reads both and returns float32.
 *
 * <p>The quantized variant (magic {@code 0x1D6A0003}, written by {@link #writeQuantized}) stores each tensor as uint8
 * with a per-tensor {@code min} and {@code scale} ({@code value = q * scale + min}, face-api's own manifest
 * quantization), a quarter of float32's size, for files where the rounding error ({@code scale / 2} at most) is
 * measured acceptable, e.g. the occlusion-robust recognizer's fine-tuning delta over face-api's weights.
 */
public final class WeightFile {
    static final int MAGIC = 0x1D6A0001;
    static final int HALF_MAGIC = 0x1D6A0002;
    static final int QUANTIZED_MAGIC = 0x1D6A0003;

    /** How a file stores its values. */
    private enum Encoding { FLOAT32, HALF, UINT8 }
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
        Encoding encoding = switch (magic) {
            case MAGIC -> Encoding.FLOAT32;
            case HALF_MAGIC -> Encoding.HALF;
            case QUANTIZED_MAGIC -> Encoding.UINT8;
            default -> throw new IOException("not an Unveil weight file");
        };
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
            if (encoding == Encoding.UINT8) {
                float min = d.readFloat(), scale = d.readFloat();
                if (!Float.isFinite(min) || !Float.isFinite(scale) || scale < 0)
                    throw new IOException("tensor " + name + " has an invalid quantization (min " + min + ", scale " + scale + ")");
                byte[] q = new byte[v.length];
                d.readFully(q);
                for (int k = 0; k < v.length; k++) v[k] = (q[k] & 0xff) * scale + min;
            } else {
                for (int k = 0; k < v.length; k++) {
                    v[k] = encoding == Encoding.HALF ? Half.toFloat(d.readShort()) : d.readFloat();
                    if (!Float.isFinite(v[k])) throw new IOException("tensor " + name + " holds NaN/Inf at index " + k);
                }
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
        write(out, tensors, Encoding.FLOAT32);
    }

    /** Every tensor uint8-quantized over its own [min, max] range (see the class comment). */
    public static void writeQuantized(OutputStream out, List<Tensor> tensors) throws IOException {
        write(out, tensors, Encoding.UINT8);
    }

    /** {@link #writeQuantized(OutputStream, List)} through a sibling temporary file, as {@link #write(Path, List)}. */
    public static void writeQuantized(Path file, List<Tensor> tensors) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            write(out, tensors, Encoding.UINT8);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Like {@link #write(Path, List)} with half-precision values (a value beyond binary16's range is refused). */
    public static void writeHalf(Path file, List<Tensor> tensors) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            write(out, tensors, Encoding.HALF);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(OutputStream out, List<Tensor> tensors, Encoding encoding) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(switch (encoding) {
            case FLOAT32 -> MAGIC;
            case HALF -> HALF_MAGIC;
            case UINT8 -> QUANTIZED_MAGIC;
        });
        d.writeInt(tensors.size());
        for (Tensor t : tensors) {
            long size = 1;
            for (long x : t.dims()) size = Math.multiplyExact(size, x);
            if (size != t.values().length)
                throw new IllegalArgumentException("tensor " + t.name() + Arrays.toString(t.dims()) + " has " + t.values().length + " values");
            d.writeUTF(t.name());
            d.writeInt(t.dims().length);
            for (long x : t.dims()) d.writeLong(x);
            switch (encoding) {
                case FLOAT32 -> {
                    for (float f : t.values()) d.writeFloat(f);
                }
                case HALF -> {
                    for (float f : t.values()) d.writeShort(Half.fromFloat(f, t.name()));
                }
                case UINT8 -> writeUint8(d, t);
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

    private static void writeUint8(DataOutputStream d, Tensor t) throws IOException {
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float f : t.values()) {
            if (!Float.isFinite(f)) throw new IllegalArgumentException("tensor " + t.name() + " holds NaN/Inf");
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        if (t.values().length == 0) min = max = 0;
        float scale = (max - min) / 255f;
        d.writeFloat(min);
        d.writeFloat(scale);
        byte[] q = new byte[t.values().length];
        for (int k = 0; k < q.length; k++)
            q[k] = (byte) (scale == 0 ? 0 : Math.max(0, Math.min(255, Math.round((t.values()[k] - min) / scale))));
        d.write(q);
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
