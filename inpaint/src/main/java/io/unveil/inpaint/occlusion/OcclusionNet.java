package io.unveil.inpaint.occlusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A light U-Net for per-pixel occlusion logits on an aligned 128x128 face. The first convolution has stride 2, so the
 * network works at 64x64 (encoder 64-32-16-8, decoder back to 64 with skip connections) and the logits are bilinearly
 * upsampled to 128x128. Decoding uses bilinear upsampling + convolution (the PyTorch engine has no transposed
 * convolution). Input: NCHW float, RGB scaled to [-1, 1]. Output: NCHW logits (N,1,128,128).
 */
public final class OcclusionNet extends AbstractBlock {
    public static final int SIZE = 128;
    private static final byte VERSION = 1;

    private final Block stem;
    private final Block enc1;
    private final Block enc2;
    private final Block enc3;
    private final Block bottleneck;
    private final Block dec3;
    private final Block dec2;
    private final Block dec1;
    private final Block head;

    public OcclusionNet() {
        super(VERSION);
        int c1 = 10, c2 = 20, c3 = 40, c4 = 56;
        stem = addChildBlock("stem", conv(c1, 2));
        enc1 = addChildBlock("enc1", conv(c1, 1));
        enc2 = addChildBlock("enc2", new SequentialBlock().add(conv(c2, 2)).add(conv(c2, 1)));
        enc3 = addChildBlock("enc3", new SequentialBlock().add(conv(c3, 2)).add(conv(c3, 1)));
        bottleneck = addChildBlock("bottleneck", new SequentialBlock().add(conv(c4, 2)).add(conv(c4, 1)));
        dec3 = addChildBlock("dec3", conv(c3, 1));
        dec2 = addChildBlock("dec2", conv(c2, 1));
        dec1 = addChildBlock("dec1", conv(c1, 1));
        head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    }

    private static Block conv(int filters, int stride) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .optStride(new Shape(stride, stride)).setFilters(filters).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu);
    }

    private static NDArray up(NDArray x, long h, long w) {
        return x.getNDArrayInternal().interpolation(new long[]{h, w}, 1, false);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray s = stem.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray e1 = enc1.forward(ps, new NDList(s), training).singletonOrThrow();
        NDArray e2 = enc2.forward(ps, new NDList(e1), training).singletonOrThrow();
        NDArray e3 = enc3.forward(ps, new NDList(e2), training).singletonOrThrow();
        NDArray b = bottleneck.forward(ps, new NDList(e3), training).singletonOrThrow();
        NDArray d3 = dec3.forward(ps, new NDList(up(b, e3.getShape().get(2), e3.getShape().get(3)).concat(e3, 1)), training).singletonOrThrow();
        NDArray d2 = dec2.forward(ps, new NDList(up(d3, e2.getShape().get(2), e2.getShape().get(3)).concat(e2, 1)), training).singletonOrThrow();
        NDArray d1 = dec1.forward(ps, new NDList(up(d2, e1.getShape().get(2), e1.getShape().get(3)).concat(e1, 1)), training).singletonOrThrow();
        NDArray logits = head.forward(ps, new NDList(d1), training).singletonOrThrow();
        return new NDList(up(logits, x.getShape().get(2), x.getShape().get(3)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[]{new Shape(in.get(0), 1, in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long n = in.get(0), h = in.get(2), w = in.get(3);
        stem.initialize(manager, dataType, in);
        Shape s = stem.getOutputShapes(new Shape[]{in})[0];
        enc1.initialize(manager, dataType, s);
        Shape e1 = enc1.getOutputShapes(new Shape[]{s})[0];
        enc2.initialize(manager, dataType, e1);
        Shape e2 = enc2.getOutputShapes(new Shape[]{e1})[0];
        enc3.initialize(manager, dataType, e2);
        Shape e3 = enc3.getOutputShapes(new Shape[]{e2})[0];
        bottleneck.initialize(manager, dataType, e3);
        Shape b = bottleneck.getOutputShapes(new Shape[]{e3})[0];
        Shape d3in = new Shape(n, b.get(1) + e3.get(1), e3.get(2), e3.get(3));
        dec3.initialize(manager, dataType, d3in);
        Shape d3 = dec3.getOutputShapes(new Shape[]{d3in})[0];
        Shape d2in = new Shape(n, d3.get(1) + e2.get(1), e2.get(2), e2.get(3));
        dec2.initialize(manager, dataType, d2in);
        Shape d2 = dec2.getOutputShapes(new Shape[]{d2in})[0];
        Shape d1in = new Shape(n, d2.get(1) + e1.get(1), e1.get(2), e1.get(3));
        dec1.initialize(manager, dataType, d1in);
        Shape d1 = dec1.getOutputShapes(new Shape[]{d1in})[0];
        head.initialize(manager, dataType, d1);
    }

    /** Number of trainable values. */
    public long parameterCount() {
        return getParameters().values().stream().filter(p -> p.getArray() != null && p.requiresGradient())
                .mapToLong(p -> p.getArray().size()).sum();
    }
}
