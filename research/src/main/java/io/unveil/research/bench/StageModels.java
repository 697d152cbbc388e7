package io.unveil.research.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.unveil.core.model.NetworkWeights;
import io.unveil.inpaint.idgan.Generator;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.inpaint.occlusion.OcclusionNet;
import io.unveil.research.train.idgan.IdGanOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The inpainting and occlusion networks for speed measures: the given weight file, else the committed one (for
 * inpainting the one served by default, prior-idgan, whose PCA completion is part of its cost), else (when
 * none is committed yet) the same architecture with fresh random weights written to a temporary file: speed does not
 * depend on weight values, and the table says which was used.
 */
final class StageModels {
    private StageModels() {
    }

    static Inpainter inpainter(Path weights, Path tmp, List<String> notes) {
        if (weights != null) return Inpainter.load(weights, "cpu");
        try {
            return Inpainter.loadServed("cpu", false);
        } catch (IllegalStateException missing) {
            int width = new IdGanOptions().width;
            Path f = tmp.resolve("generator-untrained.bin");
            try (NDManager m = NDManager.newBaseManager(Device.cpu()); OutputStream out = Files.newOutputStream(f)) {
                new Generator(m, width, 1).params().save(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            notes.add("no committed ID-GAN generator: inpainting timed with untrained weights of the same architecture (width " + width
                    + ", the training default); speed only");
            return Inpainter.load(f, "cpu");
        }
    }

    static OcclusionEstimator occlusion(Path weights, Path tmp, List<String> notes) {
        if (weights != null) return OcclusionEstimator.load(weights, OcclusionEstimator.Options.DEFAULT);
        try {
            return OcclusionEstimator.load(OcclusionEstimator.Options.DEFAULT);
        } catch (IllegalStateException missing) {
            Path f = tmp.resolve("occlusion-untrained.bin");
            try (NDManager m = Engine.getEngine("PyTorch").newBaseManager(Device.cpu()); OutputStream out = Files.newOutputStream(f)) {
                OcclusionNet net = new OcclusionNet();
                net.setInitializer(new ai.djl.training.initializer.XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
                net.initialize(m, DataType.FLOAT32, new Shape(1, 3, OcclusionNet.SIZE, OcclusionNet.SIZE));
                NetworkWeights.write(net, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            notes.add("no committed occlusion weights: the estimator was timed with untrained weights of the same U-Net; speed only");
            return OcclusionEstimator.load(f, OcclusionEstimator.Options.DEFAULT);
        }
    }
}
