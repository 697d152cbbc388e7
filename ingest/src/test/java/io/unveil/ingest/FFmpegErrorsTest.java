package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FFmpegErrorsTest {
    @Test
    void javacvsMessageBecomesFFmpegsWordsForItsCode() {
        // what `unveil run --camera c=http://127.0.0.1:9/x` warned on every reconnect before
        String javacv = "avformat_open_input() error -111: Could not open input \"http://127.0.0.1:9/x\". (Has setFormat() been called?) "
                + "(For more details, make sure FFmpegLogCallback.set() has been called.)";
        assertEquals("cannot open http://127.0.0.1:9/x: Connection refused (FFmpeg error -111)",
                FFmpegErrors.plain("cannot open http://127.0.0.1:9/x", new Exception(javacv)).getMessage());
    }

    @Test
    void withoutACodeOnlyJavacvsHintsGo() {
        assertEquals("Could not open input \"x\".", FFmpegErrors.reason("Could not open input \"x\". (Has setFormat() been called?)"));
        assertEquals("unknown FFmpeg error", FFmpegErrors.reason(null));
    }
}
