package io.unveil.research.data;

/** Told after each photo while an aligned cache is built. */
@FunctionalInterface
public interface ProgressListener {
    void progress(int done, int total, int failures);

    /** A one-line progress report on stderr, refreshed at most once a second and at the end. */
    static ProgressListener stderr(String label) {
        return new ProgressListener() {
            private long last;

            @Override
            public void progress(int done, int total, int failures) {
                long now = System.currentTimeMillis();
                if (done < total && now - last < 1000) return;
                last = now;
                System.err.printf("\raligning %s: %d/%d (%d without a face)%s", label, done, total, failures,
                        done == total ? System.lineSeparator() : "");
                System.err.flush();
            }
        };
    }
}
