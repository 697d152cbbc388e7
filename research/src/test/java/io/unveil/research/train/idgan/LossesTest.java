package io.unveil.research.train.idgan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.core.model.Djl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each loss on tiny tensors whose value is worked out by hand in the comments. */
class LossesTest {
    static NDManager m;

    @BeforeAll
    static void engine() {
        Djl.init();
        m = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        m.close();
    }

    @Test
    void reconstructionIsPerImageSumOfDiscountedL1() {
        // N=2, C=1, 1x2 pixels. image 0: |0.5-0|*1 + |1-0|*0.99 = 1.49; image 1: |0-0.2|*1 + |0-0|*0.5 = 0.2
        NDArray raw = m.create(new float[] {0.5f, 1f, 0f, 0f}, new Shape(2, 1, 1, 2));
        NDArray tgt = m.create(new float[] {0f, 0f, 0.2f, 0f}, new Shape(2, 1, 1, 2));
        NDArray w = m.create(new float[] {1f, 0.99f, 1f, 0.5f}, new Shape(2, 1, 1, 2));
        assertEquals((1.49 + 0.2) / 2, Losses.reconstruction(raw, tgt, w).getFloat(), 1e-6);
    }

    @Test
    void reconstructionWeightsBroadcastOverChannels() {
        // N=1, C=2, 1x1 pixel, weight 0.5: (|1-0| + |0-0.4|) * 0.5 = 0.7
        NDArray raw = m.create(new float[] {1f, 0f}, new Shape(1, 2, 1, 1));
        NDArray tgt = m.create(new float[] {0f, 0.4f}, new Shape(1, 2, 1, 1));
        NDArray w = m.create(new float[] {0.5f}, new Shape(1, 1, 1, 1));
        assertEquals(0.7, Losses.reconstruction(raw, tgt, w).getFloat(), 1e-6);
    }

    @Test
    void parsingIsSoftmaxLossAgainstArgmaxOfTruth() {
        // 2 classes, 2 pixels. truth logits argmax: pixel0 -> class 1, pixel1 -> class 0.
        // X logits pixel0 = (0, 0): -log(0.5) = 0.693147; pixel1 = (ln 3, 0): -log(3/4) = 0.287682; mean = 0.490415
        NDArray y = m.create(new float[] {0f, 5f, 2f, 1f}, new Shape(1, 2, 1, 2)); // [c][x]: c0=(0,2) c1=(5,1)
        NDArray yFix = m.create(new float[] {0f, 2f, 5f, 1f}, new Shape(1, 2, 1, 2));
        NDArray x = m.create(new float[] {0f, (float) Math.log(3), 0f, 0f}, new Shape(1, 2, 1, 2));
        assertEquals((0.693147 + 0.287682) / 2, Losses.parsing(x, yFix).getFloat(), 1e-5);
        // with y (pixel0 argmax class 1? c0=0,c1=2 -> 1; pixel1 c0=5,c1=1 -> 0) the same labels
        assertEquals((0.693147 + 0.287682) / 2, Losses.parsing(x, y.reshape(1, 2, 1, 2)).getFloat(), 1e-5);
    }

    @Test
    void criticHingeAndGeneratorTerm() {
        // real (2, 0.5): relu(1-2)=0, relu(0.5)=0.5 -> mean 0.25; fake (-2, 0): relu(-1)=0, relu(1)=1 -> mean 0.5
        NDArray real = m.create(new float[] {2f, 0.5f});
        NDArray fake = m.create(new float[] {-2f, 0f});
        assertEquals(0.75, Losses.criticHinge(real, fake).getFloat(), 1e-6);
        assertEquals(1.0, Losses.generatorAdversarial(fake).getFloat(), 1e-6);
    }

    @Test
    void identityDiversityFollowsEquationFive() {
        // one sample; R_l(X)-R_l(Y) = (3,4) -> 5; R_h(X)=(1,0), R_h(Y)=(0,0), f_id=(0,2):
        // 0.5*5 + 0.05*|(1,0)| + 0.5*relu(|(1,-2)| - |(0,-2)|) = 2.5 + 0.05 + 0.5*(sqrt5 - 2) = 2.668034
        NDArray rlX = m.create(new float[] {3f, 4f}, new Shape(1, 2));
        NDArray rlY = m.create(new float[] {0f, 0f}, new Shape(1, 2));
        NDArray rhX = m.create(new float[] {1f, 0f}, new Shape(1, 2));
        NDArray rhY = m.create(new float[] {0f, 0f}, new Shape(1, 2));
        NDArray fid = m.create(new float[] {0f, 2f}, new Shape(1, 2));
        double v = Losses.identity(IdentityLoss.DIVERSITY, rlX, rlY, rhX, rhY, fid, null, 0).getFloat();
        assertEquals(2.5 + 0.05 + 0.5 * (Math.sqrt(5) - 2), v, 1e-4);
    }

    @Test
    void identityHingeIsZeroWhenInpaintedIsCloserToCentreThanTruth() {
        // R_h(X) = f_id: the hinge [0 - |R_h(Y)-f_id|]_+ = 0, leaving 0.5*0 + 0.05*|(0,2)| = 0.1
        NDArray z = m.create(new float[] {0f, 0f}, new Shape(1, 2));
        NDArray rhX = m.create(new float[] {0f, 2f}, new Shape(1, 2));
        NDArray rhY = m.create(new float[] {0f, 0f}, new Shape(1, 2));
        double v = Losses.identity(IdentityLoss.DIVERSITY, z, z, rhX, rhY, rhX, null, 0).getFloat();
        assertEquals(0.1, v, 1e-4);
    }

    @Test
    void tripletAndCentreVariants() {
        NDArray z = m.create(new float[] {0f, 0f}, new Shape(1, 2));
        NDArray rhX = m.create(new float[] {1f, 0f}, new Shape(1, 2));
        NDArray fid = m.create(new float[] {0f, 0f}, new Shape(1, 2));
        NDArray fneg = m.create(new float[] {3f, 0f}, new Shape(1, 2));
        // triplet: 0.05*|(1,0)-(0,0)| + 0.5*relu(1 - 2 + 0.3) = 0.05 + 0 ; margin 1.5 -> 0.05 + 0.5*0.5 = 0.3
        assertEquals(0.05, Losses.identity(IdentityLoss.TRIPLET, z, z, rhX, z, fid, fneg, 0.3f).getFloat(), 1e-4);
        assertEquals(0.3, Losses.identity(IdentityLoss.TRIPLET, z, z, rhX, z, fid, fneg, 1.5f).getFloat(), 1e-4);
        // centre: 0.05*1 + 0.5 * 0.5*|(1,0)|^2 = 0.05 + 0.25 = 0.3
        assertEquals(0.3, Losses.identity(IdentityLoss.CENTER, z, z, rhX, z, fid, null, 0).getFloat(), 1e-4);
    }

    @Test
    void identityAveragesPerImageNormsOverTheBatch() {
        // two samples, R_l differences (3,4) and (0,0): 0.5*(5+0)/2 = 1.25
        NDArray rlX = m.create(new float[] {3f, 4f, 0f, 0f}, new Shape(2, 2));
        NDArray z2 = m.zeros(new Shape(2, 2));
        double v = Losses.identity(IdentityLoss.DIVERSITY, rlX, z2, z2, z2, z2, null, 0).getFloat();
        assertEquals(1.25, v, 1e-4);
    }
}
