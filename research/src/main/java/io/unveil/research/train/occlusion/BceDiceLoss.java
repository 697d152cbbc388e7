package io.unveil.research.train.occlusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** BCE on logits + weighted soft Dice (see {@link OcclusionLoss}). */
final class BceDiceLoss extends Loss {
    private final float diceWeight;

    BceDiceLoss(float diceWeight) {
        super("bce+dice");
        this.diceWeight = diceWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return OcclusionLoss.total(predictions.singletonOrThrow(), labels.singletonOrThrow(), diceWeight);
    }
}
