package io.unveil.inpaint.occlusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import java.util.List;

/** Conversions between images/masks and the network's NCHW tensors. */
public final class OcclusionTensors {
    private OcclusionTensors() {
    }

    /** Faces (resized to 128 if needed) as (N,3,128,128), RGB scaled to [-1, 1]. */
    public static NDArray images(NDManager m, List<RgbImage> faces) {
        int s = OcclusionNet.SIZE, plane = s * s;
        float[] buf = new float[faces.size() * 3 * plane];
        for (int n = 0; n < faces.size(); n++) {
            RgbImage f = faces.get(n);
            if (f.width() != s || f.height() != s) f = Images.resize(f, s, s);
            byte[] d = f.data();
            int base = n * 3 * plane;
            for (int i = 0; i < plane; i++) {
                buf[base + i] = ((d[3 * i] & 0xff) - 127.5f) / 127.5f;
                buf[base + plane + i] = ((d[3 * i + 1] & 0xff) - 127.5f) / 127.5f;
                buf[base + 2 * plane + i] = ((d[3 * i + 2] & 0xff) - 127.5f) / 127.5f;
            }
        }
        return m.create(buf, new Shape(faces.size(), 3, s, s));
    }

    /** Masks (0/1 bytes, 128x128) as (N,1,128,128) floats. */
    public static NDArray masks(NDManager m, List<byte[]> masks) {
        int plane = OcclusionNet.SIZE * OcclusionNet.SIZE;
        float[] buf = new float[masks.size() * plane];
        for (int n = 0; n < masks.size(); n++) {
            byte[] k = masks.get(n);
            for (int i = 0; i < plane; i++) buf[n * plane + i] = k[i];
        }
        return m.create(buf, new Shape(masks.size(), 1, OcclusionNet.SIZE, OcclusionNet.SIZE));
    }
}
