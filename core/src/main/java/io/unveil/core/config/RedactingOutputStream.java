package io.unveil.core.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A line-buffered stream that passes every line through {@link Redact#secrets} before writing it on. Installed on
 * stderr (where every log line of the process goes: SLF4J simple logger, Kafka, Streams, FFmpeg messages relayed
 * by Java) by {@link #installOnStandardStreams()}, so a URL with credentials is redacted whoever logs it.
 */
public final class RedactingOutputStream extends OutputStream {
    /** A line longer than this is written out in pieces (a URL split across pieces may then escape redaction). */
    private static final int MAX_LINE = 64 * 1024;
    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public RedactingOutputStream(OutputStream out) {
        this.out = out;
    }

    /** Replaces System.err and System.out with redacting streams (idempotent). */
    public static synchronized void installOnStandardStreams() {
        if (!(System.err instanceof Marked)) System.setErr(new Marked(new RedactingOutputStream(System.err)));
        if (!(System.out instanceof Marked)) System.setOut(new Marked(new RedactingOutputStream(System.out)));
    }

    private static final class Marked extends PrintStream {
        Marked(OutputStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) emit();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    private void emit() throws IOException {
        String s = line.toString(StandardCharsets.UTF_8);
        line.reset();
        out.write(Redact.secrets(s).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void flush() throws IOException {
        // a partial line stays buffered until its newline (so that a URL is redacted whole); PrintStream flushes on
        // every println, after the newline
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) emit();
        out.close();
    }
}
