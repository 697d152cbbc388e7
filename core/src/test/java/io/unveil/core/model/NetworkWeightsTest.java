package io.unveil.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetworkWeightsTest {
    @BeforeAll
    static void engine() {
        Djl.init();
    }

    private static Block net(NDManager m, int filters, float sigma) {
        Block b = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).build())
                .add(BatchNorm.builder().build());
        b.setInitializer(new NormalInitializer(sigma), Parameter.Type.WEIGHT);
        b.initialize(m, DataType.FLOAT32, new Shape(1, 2, 6, 6));
        return b;
    }

    @Test
    void aBlockSavedAndLoadedIntoAFreshOneComputesTheSameOutput() throws IOException {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Block trained = net(m, 4, 1f), fresh = net(m, 4, 0.001f);
            var x = m.randomNormal(new Shape(1, 2, 6, 6));
            float[] want = trained.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NetworkWeights.write(trained, out);
            NetworkWeights.read(fresh, new ByteArrayInputStream(out.toByteArray()));
            float[] got = fresh.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
            assertArrayEquals(want, got);
            // the running statistics of batch norm travel with the weights
            List<WeightFile.Tensor> file = WeightFile.read(new ByteArrayInputStream(out.toByteArray()));
            assertTrue(file.stream().anyMatch(t -> t.name().endsWith("runningMean")), file.stream().map(WeightFile.Tensor::name).toList().toString());
        }
    }

    @Test
    void aFileOfAnotherShapeIsRefusedAndLeavesTheNetworkAsItWas() throws IOException {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Block wide = net(m, 8, 1f), narrow = net(m, 4, 1f);
            float[] before = NetworkWeights.tensors(NetworkWeights.arrays(narrow)).get(0).values();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NetworkWeights.write(wide, out);
            IOException e = assertThrows(IOException.class,
                    () -> NetworkWeights.read(narrow, new ByteArrayInputStream(out.toByteArray())));
            assertTrue(e.getMessage().contains("network expects"), e.getMessage());
            assertArrayEquals(before, NetworkWeights.tensors(NetworkWeights.arrays(narrow)).get(0).values());

            List<WeightFile.Tensor> fewer = NetworkWeights.tensors(NetworkWeights.arrays(narrow)).subList(0, 2);
            e = assertThrows(IOException.class, () -> NetworkWeights.assign(fewer, NetworkWeights.arrays(narrow)));
            assertEquals("weight file holds 2 tensors, network has " + NetworkWeights.arrays(narrow).size(), e.getMessage());
        }
    }
}
