package io.unveil.research.train.recognizer;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.train.occlusion.Progress;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The frozen teacher's descriptors of every clean training face and of its mirror image ({@code [face][0 plain, 1
 * mirrored][128]}), computed once and cached in the output folder: the teacher never changes, so a resumed run and
 * every step reuse them (the distillation costs one student pass per sample, no teacher pass).
 */
final class TeacherTargets {
    private static final int MAGIC = 0x7EAC4E01;

    private TeacherTargets() {
    }

    static float[][][] load(Path file, List<AlignedFace> faces, FaceApiEmbedder teacher, PrintStream console) throws IOException {
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                if (in.readInt() == MAGIC && in.readInt() == faces.size() && in.readUTF().equals(teacher.modelVersion())) {
                    float[][][] out = new float[faces.size()][2][128];
                    for (float[][] f : out) for (float[] d : f) for (int k = 0; k < d.length; k++) d[k] = in.readFloat();
                    return out;
                }
            }
            console.println("teacher descriptors in " + file + " are for other faces or another teacher: recomputing");
        }
        float[][][] out = new float[faces.size()][2][];
        int chunk = 32;
        Progress bar = new Progress(console, faces.size(), 0);
        for (int s = 0; s < faces.size(); s += chunk) {
            List<RgbImage> batch = new ArrayList<>();
            int e = Math.min(faces.size(), s + chunk);
            for (int i = s; i < e; i++) {
                batch.add(faces.get(i).face());
                batch.add(Images.mirror(faces.get(i).face()));
            }
            float[][] d = teacher.embed(batch);
            for (int i = s; i < e; i++) {
                out[i][0] = d[2 * (i - s)];
                out[i][1] = d[2 * (i - s) + 1];
            }
            bar.update(e, "teacher descriptors");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            o.writeInt(MAGIC);
            o.writeInt(faces.size());
            o.writeUTF(teacher.modelVersion());
            for (float[][] f : out) for (float[] d : f) for (float v : d) o.writeFloat(v);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /**
     * The occluded faces' targets: each face's teacher descriptor moved {@code pull} of the way to the mean teacher
     * descriptor of its identity's faces (plain and mirrored separately). {@code pull == 0} returns {@code teacher}
     * itself.
     */
    static float[][][] pulledToCentroids(float[][][] teacher, List<AlignedFace> faces, float pull) {
        if (pull == 0f) return teacher;
        java.util.Map<String, float[][]> sums = new java.util.HashMap<>();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < faces.size(); i++) {
            float[][] s = sums.computeIfAbsent(faces.get(i).identity(), k -> new float[2][teacher[0][0].length]);
            for (int v = 0; v < 2; v++) for (int k = 0; k < s[v].length; k++) s[v][k] += teacher[i][v][k];
            counts.merge(faces.get(i).identity(), 1, Integer::sum);
        }
        float[][][] out = new float[faces.size()][2][];
        for (int i = 0; i < faces.size(); i++) {
            float[][] s = sums.get(faces.get(i).identity());
            int n = counts.get(faces.get(i).identity());
            for (int v = 0; v < 2; v++) {
                float[] t = teacher[i][v], o = new float[t.length];
                for (int k = 0; k < t.length; k++) o[k] = t[k] + pull * (s[v][k] / n - t[k]);
                out[i][v] = o;
            }
        }
        return out;
    }
}
