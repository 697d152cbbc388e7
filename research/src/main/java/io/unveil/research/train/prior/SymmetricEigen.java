package io.unveil.research.train.prior;

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (the PCA's L x L Rayleigh-Ritz step). */
final class SymmetricEigen {
    /** Eigenvalues in descending order and the matching eigenvectors as columns of {@code vectors} (row-major n x n). */
    record Result(double[] values, double[] vectors) {
    }

    private SymmetricEigen() {
    }

    static Result of(double[] matrix, int n) {
        double[] a = matrix.clone();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) v[i * n + i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
            if (off < 1e-22) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (Math.abs(apq) < 1e-300) continue;
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) { // A <- A J (columns p, q)
                        double akp = a[k * n + p], akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) { // A <- J^T A (rows p, q)
                        double apk = a[p * n + k], aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p], vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) diag[i] = a[i * n + i];
        java.util.Arrays.sort(order, (x, y) -> Double.compare(diag[y], diag[x]));
        double[] values = new double[n], vectors = new double[n * n];
        for (int j = 0; j < n; j++) {
            values[j] = diag[order[j]];
            for (int i = 0; i < n; i++) vectors[i * n + j] = v[i * n + order[j]];
        }
        return new Result(values, vectors);
    }
}
