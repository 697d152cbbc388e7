package io.unveil.inpaint.idgan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.core.model.Djl;
import io.unveil.core.model.WeightFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParamsFileTest {
    @BeforeAll
    static void engine() {
        Djl.init();
    }

    private static byte[] saved(Params p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.save(out);
        return out.toByteArray();
    }

    @Test
    void theAverageOfTwoSnapshotsLoadsIntoTheNetworkAsTheElementwiseMean() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Params a = new Params(m, 1), b = new Params(m, 2), target = new Params(m, 3);
            for (Params p : List.of(a, b, target)) {
                p.heNormal("c.w", new Shape(4, 3, 3, 3), 1f);
                p.zeros("c.b", new Shape(4));
            }
            b.get("c.b").set(new float[] {2, 4, 6, 8});
            List<WeightFile.Tensor> mean = WeightFile.average(List.of(
                    WeightFile.read(new ByteArrayInputStream(saved(a))), WeightFile.read(new ByteArrayInputStream(saved(b)))));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WeightFile.write(out, mean);
            target.load(new ByteArrayInputStream(out.toByteArray()));

            float[] wa = a.get("c.w").toFloatArray(), wb = b.get("c.w").toFloatArray(), got = target.get("c.w").toFloatArray();
            for (int i = 0; i < got.length; i++) assertEquals((wa[i] + wb[i]) / 2, got[i], 1e-6f);
            assertArrayEquals(new float[] {1, 2, 3, 4}, target.get("c.b").toFloatArray());
        }
    }

    @Test
    void filesOfDifferentNetworksAndCorruptFilesAreRefused() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Params a = new Params(m, 1), wide = new Params(m, 1);
            a.zeros("c.w", new Shape(4, 3));
            wide.zeros("c.w", new Shape(8, 3));
            List<WeightFile.Tensor> fa = WeightFile.read(new ByteArrayInputStream(saved(a)));
            List<WeightFile.Tensor> fw = WeightFile.read(new ByteArrayInputStream(saved(wide)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightFile.average(List.of(fa, fw)));
            assertEquals("file 2 has tensor c.w[8, 3] where the first has c.w[4, 3]", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> WeightFile.average(List.of()));

            assertThrows(IOException.class, () -> WeightFile.read(new ByteArrayInputStream("not weights".getBytes())));
            byte[] cut = saved(a);
            assertThrows(IOException.class, () -> WeightFile.read(new ByteArrayInputStream(java.util.Arrays.copyOf(cut, cut.length - 5))));
        }
    }
}
