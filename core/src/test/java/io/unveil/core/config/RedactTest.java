package io.unveil.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 25 item 6: URL credentials never reach a log line. */
class RedactTest {
    @Test
    void userInfoIsRemovedWherever() {
        assertEquals("Could not open input \"rtsp://***@10.0.20.11:554/stream1\"",
                Redact.secrets("Could not open input \"rtsp://user:pass@10.0.20.11:554/stream1\""));
        assertEquals("http://***@cam/x and rtsp://***@h/y", Redact.secrets("http://a:b@cam/x and rtsp://c@h/y"));
        assertEquals("mail me at a@b.c; /path/x@y", Redact.secrets("mail me at a@b.c; /path/x@y"));
        assertEquals(null, Redact.secrets(null));
    }

    @Test
    void aRedactingStreamRedactsWholeLinesWrittenInPieces() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(new RedactingOutputStream(sink), true, StandardCharsets.UTF_8);
        ps.print("WARN camera gate: rtsp://adm");
        ps.print("in:s3cret@10.0.0.1/s ");
        ps.println("(reconnecting)");
        assertEquals("WARN camera gate: rtsp://***@10.0.0.1/s (reconnecting)" + System.lineSeparator(),
                sink.toString(StandardCharsets.UTF_8));
    }
}
