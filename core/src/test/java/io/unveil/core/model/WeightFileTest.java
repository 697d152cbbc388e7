package io.unveil.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightFileTest {
    private static final List<WeightFile.Tensor> TENSORS = List.of(
            new WeightFile.Tensor("conv.w", new long[] {2, 1, 1, 3}, new float[] {1.5f, -0f, Float.MIN_VALUE, 3e38f, -7.25f, 0.1f}),
            new WeightFile.Tensor("scalar", new long[0], new float[] {42f}),
            new WeightFile.Tensor("empty", new long[] {0, 4}, new float[0]));

    private static byte[] bytes(List<WeightFile.Tensor> tensors) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WeightFile.write(out, tensors);
        return out.toByteArray();
    }

    @Test
    void aWrittenFileReadsBackBitForBitAndRewritesToTheSameBytes(@TempDir Path dir) throws IOException {
        byte[] b = bytes(TENSORS);
        List<WeightFile.Tensor> back = WeightFile.read(new ByteArrayInputStream(b));
        assertEquals(TENSORS.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertEquals(TENSORS.get(i).name(), back.get(i).name());
            assertArrayEquals(TENSORS.get(i).dims(), back.get(i).dims());
            float[] want = TENSORS.get(i).values(), got = back.get(i).values();
            assertEquals(want.length, got.length);
            for (int k = 0; k < want.length; k++) assertEquals(Float.floatToRawIntBits(want[k]), Float.floatToRawIntBits(got[k]));
        }
        assertArrayEquals(b, bytes(back));
        Path f = dir.resolve("w.bin");
        WeightFile.write(f, TENSORS);
        assertArrayEquals(b, Files.readAllBytes(f));
        assertEquals(2, WeightFile.read(f).get(0).dims()[0]);
        assertTrue(Files.notExists(dir.resolve("w.bin.tmp")));
    }

    @Test
    void corruptFilesAndNonFiniteValuesAreRefusedWithTheTensorName() throws IOException {
        assertThrows(IOException.class, () -> WeightFile.read(new ByteArrayInputStream("not weights".getBytes())));
        byte[] b = bytes(TENSORS);
        assertThrows(IOException.class, () -> WeightFile.read(new ByteArrayInputStream(java.util.Arrays.copyOf(b, b.length - 3))));
        byte[] nan = bytes(List.of(new WeightFile.Tensor("bn.mean", new long[] {2}, new float[] {1f, Float.NaN})));
        IOException e = assertThrows(IOException.class, () -> WeightFile.read(new ByteArrayInputStream(nan)));
        assertEquals("tensor bn.mean holds NaN/Inf at index 1", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> bytes(List.of(new WeightFile.Tensor("w", new long[] {3}, new float[2]))));
    }

    @Test
    void theAverageIsElementwiseAndRefusesDifferentNetworks() {
        var a = List.of(new WeightFile.Tensor("w", new long[] {2}, new float[] {1, 2}));
        var b = List.of(new WeightFile.Tensor("w", new long[] {2}, new float[] {3, 6}));
        assertArrayEquals(new float[] {2, 4}, WeightFile.average(List.of(a, b)).get(0).values());
        var wide = List.of(new WeightFile.Tensor("w", new long[] {3}, new float[] {1, 2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightFile.average(List.of(a, wide)));
        assertEquals("file 2 has tensor w[3] where the first has w[2]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WeightFile.average(List.of()));
    }

    @Test
    void aQuantizedFileIsAQuarterTheSizeAndReadsBackWithinHalfAStep() throws IOException {
        float[] v = new float[1000];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int k = 0; k < v.length; k++) v[k] = (float) (r.nextGaussian() * 0.01);
        List<WeightFile.Tensor> t = List.of(new WeightFile.Tensor("delta", new long[] {10, 100}, v),
                new WeightFile.Tensor("constant", new long[] {3}, new float[] {0.5f, 0.5f, 0.5f}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WeightFile.writeQuantized(out, t);
        assertTrue(out.size() < bytes(t).length / 3, out.size() + " bytes");
        List<WeightFile.Tensor> back = WeightFile.read(new ByteArrayInputStream(out.toByteArray()));
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float f : v) { min = Math.min(min, f); max = Math.max(max, f); }
        float halfStep = (max - min) / 255f / 2f;
        for (int k = 0; k < v.length; k++) assertEquals(v[k], back.get(0).values()[k], halfStep * 1.001f);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, back.get(1).values());
        assertThrows(IllegalArgumentException.class, () -> WeightFile.writeQuantized(new ByteArrayOutputStream(),
                List.of(new WeightFile.Tensor("w", new long[] {1}, new float[] {Float.NaN}))));
    }

    @Test
    void halfPrecisionFilesReadBackWithinBinary16sRoundingAndRefuseWhatDoesNotFit(@TempDir Path dir) throws IOException {
        float[] v = {0f, -0f, 1f, -2.5f, 0.1f, 1e-5f, 6.1e-5f, 65504f, -65504f, 3.14159f, 1e-9f};
        Path f = dir.resolve("half.bin");
        WeightFile.writeHalf(f, List.of(new WeightFile.Tensor("h", new long[] {v.length}, v)));
        assertEquals(4 + 4 + 2 + 1 + 4 + 8 + 2L * v.length, Files.size(f));
        float[] got = WeightFile.read(f).get(0).values();
        for (int i = 0; i < v.length; i++) {
            // binary16: 11 significant bits (relative error <= 2^-11) above 2^-14; absolute 2^-25 below (subnormals)
            double tol = Math.max(Math.abs(v[i]) * 0x1p-11, 0x1p-25);
            assertEquals(v[i], got[i], tol, "value " + v[i]);
        }
        assertEquals(0.0999755859375f, got[4], 0f); // 0.1 rounds to the nearest binary16, 0x2E66
        assertEquals(65504f, got[7], 0f);
        assertThrows(IllegalArgumentException.class, () -> WeightFile.writeHalf(dir.resolve("big.bin"),
                List.of(new WeightFile.Tensor("x", new long[] {1}, new float[] {70000f}))));
    }

    @Test
    void halfPrecisionFilesRoundToNearestFloat16AndReadBackAsFloats(@TempDir Path dir) throws IOException {
        // reference bits from the IEEE 754 binary16 tables (numpy.float16(x).view('u2'))
        assertEquals((short) 0x3C00, Half.fromFloat(1f, "t"));
        assertEquals((short) 0xC000, Half.fromFloat(-2f, "t"));
        assertEquals((short) 0x7BFF, Half.fromFloat(65504f, "t"));
        assertEquals((short) 0x2E66, Half.fromFloat(0.1f, "t"));
        assertEquals((short) 0x3555, Half.fromFloat(1f / 3, "t"));
        assertEquals((short) 0x0001, Half.fromFloat(0x1p-24f, "t"));
        assertEquals((short) 0x0000, Half.fromFloat(0x1p-26f, "t"));
        assertEquals((short) 0x3C00, Half.fromFloat(1f + 0x1p-11f, "t")); // a tie rounds to the even 1.0
        assertEquals((short) 0x3C02, Half.fromFloat(1f + 3 * 0x1p-11f, "t")); // and this tie up to the even 1+2^-9
        assertEquals(0.0999755859375f, Half.toFloat((short) 0x2E66));
        assertEquals(0x1p-24f, Half.toFloat((short) 0x0001));
        assertEquals(-2f, Half.toFloat((short) 0xC000));

        Path f = dir.resolve("w16.bin");
        var t = List.of(new WeightFile.Tensor("w", new long[] {2, 2}, new float[] {1f, -0.1f, 1f / 3, 1000.5f}));
        WeightFile.writeHalf(f, t);
        assertEquals(4 + 4 + 2 + 1 + 4 + 2 * 8 + 4 * 2, java.nio.file.Files.size(f));
        List<WeightFile.Tensor> back = WeightFile.read(f);
        assertEquals("w", back.get(0).name());
        float[] v = back.get(0).values();
        assertEquals(1f, v[0]);
        assertEquals(-0.0999755859375f, v[1]);
        assertEquals(0.333251953125f, v[2]);
        assertEquals(1000.5f, v[3]);
        assertThrows(IllegalArgumentException.class, () -> WeightFile.writeHalf(dir.resolve("big.bin"),
                List.of(new WeightFile.Tensor("w", new long[] {1}, new float[] {70000f}))));
    }
}
