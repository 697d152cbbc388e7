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
 * {@link #average} makes one file of several snapshots of the same network (weight averaging).
 */
public final class WeightFile {
    static final int MAGIC = 0x1D6A0001;
    static final int MAGIC_HALF = 0x1D6A0002;
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
        if (magic != MAGIC && magic != MAGIC_HALF) throw new IOException("not an Unveil weight file");
        boolean half = magic == MAGIC_HALF;
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
                v[k] = half ? halfToFloat(d.readShort()) : d.readFloat();
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

    /** {@link #write(Path, List)} with the values stored as float16; a value beyond float16's range is refused. */
    public static void writeHalf(Path file, List<Tensor> tensors) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            write(out, tensors, true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(OutputStream out, List<Tensor> tensors, boolean half) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(half ? MAGIC_HALF : MAGIC);
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
                if (!half) {
                    d.writeFloat(f);
                    continue;
                }
                if (!(Math.abs(f) <= 65504f)) throw new IllegalArgumentException("tensor " + t.name() + ": " + f + " does not fit float16");
                d.writeShort(floatToHalf(f));
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

    /** IEEE 754 binary16 bits of a finite float within +-65504, rounded to nearest even (subnormals included). */
    static short floatToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xff) - 127 + 15;
        int mant = bits & 0x7fffff;
        if (exp <= 0) { // subnormal half (or zero): shift the mantissa with its implicit 1 into place
            if (exp < -10) return (short) sign;
            mant |= 0x800000;
            int shift = 14 - exp;
            int h = mant >> shift, rest = mant & ((1 << shift) - 1), halfway = 1 << (shift - 1);
            if (rest > halfway || (rest == halfway && (h & 1) == 1)) h++;
            return (short) (sign | h);
        }
        int h = (exp << 10) | (mant >> 13);
        int rest = mant & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (h & 1) == 1)) h++; // may carry into the exponent: still correct
        return (short) (sign | h);
    }

    static float halfToFloat(short s) {
        int h = s & 0xffff, sign = (h & 0x8000) << 16, exp = (h >>> 10) & 0x1f, mant = h & 0x3ff;
        if (exp == 0) return (sign == 0 ? 1f : -1f) * mant * 0x1p-24f;
        if (exp == 31) return mant == 0 ? Float.intBitsToFloat(sign | 0x7f800000) : Float.NaN;
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
