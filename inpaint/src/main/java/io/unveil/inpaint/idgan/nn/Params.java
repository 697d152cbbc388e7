package io.unveil.inpaint.idgan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.unveil.core.model.NetworkWeights;
import io.unveil.core.model.WeightFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The named trainable tensors of one network, owned by one long-lived {@link NDManager}. Networks here are plain
 * functions over these tensors (no DJL Block machinery), which keeps spectral normalisation, freezing and the
 * project's weight format ({@link WeightFile}) under our control. Initialisation uses a seeded {@link Random}, so a seed fixes the
 * starting weights on any engine.
 */
public final class Params {
    private final NDManager manager;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();
    private final Random random;
    private boolean trainable = true;

    public Params(NDManager manager, long seed) {
        this.manager = manager;
        this.random = new Random(seed);
    }

    public NDManager manager() {
        return manager;
    }

    /** He-normal weight of the given shape (fan-in = product of all but the first dimension). */
    public NDArray heNormal(String name, Shape shape, float gain) {
        long fanIn = shape.size() / shape.get(0);
        double std = gain * Math.sqrt(2.0 / fanIn);
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * std);
        return add(name, manager.create(v, shape));
    }

    public NDArray zeros(String name, Shape shape) {
        return add(name, manager.zeros(shape));
    }

    /** A non-trainable state tensor (e.g. the spectral-norm power-iteration vector), saved with the weights. */
    public NDArray state(String name, Shape shape) {
        float[] v = new float[Math.toIntExact(shape.size())];
        double n = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            n += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(n);
        NDArray a = manager.create(v, shape);
        a.setName(name);
        states.put(name, a);
        return a;
    }

    private final Map<String, NDArray> states = new LinkedHashMap<>();
    private static final NDIndex ALL = new NDIndex("...");

    private NDArray add(String name, NDArray a) {
        if (tensors.containsKey(name)) throw new IllegalArgumentException("duplicate parameter " + name);
        a.setName(name);
        a.setRequiresGradient(true);
        tensors.put(name, a);
        return a;
    }

    public Map<String, NDArray> tensors() {
        return tensors;
    }

    public long count() {
        return tensors.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /** Frozen networks (S and R during ID-GAN training) pass gradients to their input but never to their weights. */
    public void freeze() {
        if (!trainable) return;
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            NDArray frozen = e.getValue().duplicate();
            frozen.setName(e.getKey());
            e.getValue().close();
            e.setValue(frozen);
        }
        trainable = false;
    }

    public boolean trainable() {
        return trainable;
    }

    public NDArray get(String name) {
        NDArray a = tensors.get(name);
        if (a == null) throw new IllegalArgumentException("no parameter " + name);
        return a;
    }

    public NDArray stateTensor(String name) {
        NDArray a = states.get(name);
        if (a == null) throw new IllegalArgumentException("no state tensor " + name);
        return a;
    }

    public void zeroGradients() {
        if (!trainable) return;
        for (NDArray a : tensors.values()) {
            NDArray g = a.getGradient();
            // in place (index_put_ with a scalar): set(float[]) would make the gradient alias a Java buffer
            g.set(ALL, 0f);
            g.close();
        }
    }

    /** True when every gradient is finite. */
    public boolean gradientsFinite() {
        return Double.isFinite(gradientNorm());
    }

    /** The L2 norm over all gradients; NaN or infinite when any gradient (or its square) is not finite. */
    public double gradientNorm() {
        double sum = 0;
        for (NDArray a : tensors.values()) {
            // every intermediate is closed: they belong to the long-lived manager of the weights, and an unclosed
            // square per tensor and step leaked ~3 MB a step (an ID-GAN run was killed for memory at step 3,000)
            try (NDArray g = a.getGradient(); NDArray sq = g.square(); NDArray s = sq.sum()) {
                sum += s.getFloat();
            }
        }
        return Math.sqrt(sum);
    }

    public void save(OutputStream out) throws IOException {
        WeightFile.write(out, NetworkWeights.tensors(all()));
    }

    /** Loads weights written by {@link #save}; every tensor must exist with the same shape. */
    public void load(InputStream in) throws IOException {
        NetworkWeights.assign(WeightFile.read(in), all());
    }

    /** The trainable tensors, then the state tensors: the order of the weight file. */
    private Map<String, NDArray> all() {
        Map<String, NDArray> all = new LinkedHashMap<>(tensors);
        all.putAll(states);
        return all;
    }
}
