package io.unveil.research.train.occlusion;

import ai.djl.ndarray.NDArray;

/** Binary cross-entropy on logits (numerically stable form) plus soft Dice, averaged over the batch. */
final class OcclusionLoss {
    private OcclusionLoss() {
    }

    static NDArray bce(NDArray logits, NDArray target) {
        return logits.maximum(0).sub(logits.mul(target)).add(logits.abs().neg().exp().add(1).log()).mean();
    }

    static NDArray dice(NDArray logits, NDArray target) {
        NDArray p = logits.getNDArrayInternal().sigmoid();
        int[] axes = {1, 2, 3};
        NDArray inter = p.mul(target).sum(axes);
        NDArray denom = p.sum(axes).add(target.sum(axes));
        return inter.mul(2).add(1).div(denom.add(1)).neg().add(1).mean();
    }

    static NDArray total(NDArray logits, NDArray target, float diceWeight) {
        return bce(logits, target).add(dice(logits, target).mul(diceWeight));
    }
}
