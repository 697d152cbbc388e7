package io.unveil.ingest;

import org.bytedeco.javacv.Frame;

/**
 * Where a camera's pictures come from: FFmpeg in production ({@link FFmpegFrameSource}), a scripted source in tests.
 * The {@link CameraReader} opens one per connection attempt and closes it when the source ends, fails or the reader
 * stops; rate cap, reconnects, downscale and JPEG encoding stay in the reader. The output side is {@link FrameSink}.
 */
public interface FrameSource extends AutoCloseable {
    /** A decoded picture and its media time (microseconds from the start of the source). */
    record Picture(Frame image, long timestampUs) {
    }

    /** Makes a source for a camera; called again for every reconnect. */
    @FunctionalInterface
    interface Factory {
        FrameSource create(CameraSpec spec);
    }

    /** Connects; throws when the camera cannot be opened. */
    void open() throws Exception;

    /** Length of the source in microseconds once opened (a file's duration), or -1 when unknown or unbounded. */
    default long durationUs() {
        return -1;
    }

    /** The next picture, or null when the source has ended; throws when reading fails. */
    Picture next() throws Exception;

    /** Releases the source; never throws. */
    @Override
    void close();
}
