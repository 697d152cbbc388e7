package io.unveil.research.train.idgan;

import ai.djl.ndarray.NDArray;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.idgan.Generator;
import io.unveil.inpaint.idgan.Tensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** PNG grids for eyeballing training: one row per face, columns ground truth | occluded | inpainted. */
public final class Grids {
    private Grids() {
    }

    public static void write(Path file, NDArray truth, NDArray masks, NDArray inpainted) throws IOException {
        NDArray occluded = Generator.filled(truth, masks);
        RgbImage[] a = Tensors.images(truth), b = Tensors.images(occluded), c = Tensors.images(inpainted);
        int rows = Math.min(6, a.length);
        Files.write(file, Images.encodePng(grid(rows, a, b, c)));
    }

    public static RgbImage grid(int rows, RgbImage[]... columns) {
        int s = columns[0][0].width();
        int w = s * columns.length, h = s * rows;
        byte[] d = new byte[w * h * 3];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns.length; c++) {
                byte[] src = columns[c][r].data();
                for (int y = 0; y < s; y++)
                    System.arraycopy(src, y * s * 3, d, ((r * s + y) * w + c * s) * 3, s * 3);
            }
        return new RgbImage(w, h, d);
    }
}
