package io.unveil.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.bytedeco.javacv.Frame;

/**
 * A {@link FrameSource} factory playing a script: one entry per connection, each either a refusal to open or a number
 * of pictures (40 ms of media time apart) followed by the end of the source or a read error. Connections past the
 * script are refused.
 */
final class ScriptedSource implements FrameSource.Factory {
    /** What one connection does. {@code pictures < 0}: it cannot be opened. */
    record Connection(int pictures, boolean failsAfter) {
        static Connection refused() {
            return new Connection(-1, false);
        }

        static Connection thenEnds(int pictures) {
            return new Connection(pictures, false);
        }

        static Connection thenFails(int pictures) {
            return new Connection(pictures, true);
        }
    }

    private final Deque<Connection> script;
    int opened, closed;

    ScriptedSource(List<Connection> script) {
        this.script = new ArrayDeque<>(script);
    }

    /** A 32x24 BGR picture whose pixels all hold {@code shade}. */
    static Frame picture(int shade) {
        Frame f = new Frame(32, 24, Frame.DEPTH_UBYTE, 3);
        ByteBuffer b = (ByteBuffer) f.image[0];
        for (int i = 0; i < b.capacity(); i++) b.put(i, (byte) shade);
        return f;
    }

    @Override
    public synchronized FrameSource create(CameraSpec spec) {
        Connection c = script.poll();
        return new FrameSource() {
            private int sent;

            @Override
            public void open() throws IOException {
                synchronized (ScriptedSource.this) {
                    opened++;
                }
                if (c == null || c.pictures() < 0) throw new IOException("connection refused");
            }

            @Override
            public Picture next() throws IOException {
                if (sent < c.pictures()) return new Picture(picture(10 * sent), 40_000L * sent++);
                if (c.failsAfter()) throw new IOException("connection reset");
                return null;
            }

            @Override
            public void close() {
                synchronized (ScriptedSource.this) {
                    closed++;
                }
            }
        };
    }
}
