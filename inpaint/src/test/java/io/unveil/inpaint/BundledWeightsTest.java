package io.unveil.inpaint;

import io.unveil.core.testing.ModelCards;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.inpaint.prior.FacePrior;
import org.junit.jupiter.api.Test;

/** Every weight file the inpaint stage ships is in the project's format, with a model card beside it naming its bytes. */
class BundledWeightsTest {
    @Test
    void eachBundledFileIsInTheFormatAndItsCardStatesItsSha256AndSize() throws Exception {
        ModelCards.assertDescribedByItsCard(OcclusionEstimator.RESOURCE);
        ModelCards.assertDescribedByItsCard(Inpainter.RESOURCE);
        ModelCards.assertDescribedByItsCard(Inpainter.PRIOR_RESOURCE);
        ModelCards.assertDescribedByItsCard("/io/unveil/inpaint/idgan/generator-noid.bin");
        ModelCards.assertDescribedByItsCard(FacePrior.RESOURCE);
    }
}
