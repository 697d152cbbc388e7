package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.net.PortInUseException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A second API on a busy port: a bind failure the CLI turns into one line, and no Javalin ERROR line above it. */
class BusyPortTest {
    @Test
    void aBusyPortFailsAsABindFailureBeforeJavalinLogsAnError() {
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            ApiKeys keys = new ApiKeys(List.of(ApiKeys.fromPlain("ops", Scope.ADMIN, ApiFixture.ADMIN)));
            PrintStream saved = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            RuntimeException e;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                e = assertThrows(RuntimeException.class, () -> new GalleryApi(fx.service, fx.feed, keys).start("127.0.0.1", fx.api.port()));
            } finally {
                System.setErr(saved);
            }
            assertTrue(PortInUseException.isBindFailure(e), e.toString());
            String logged = err.toString(StandardCharsets.UTF_8);
            assertFalse(logged.contains("Failed to start Javalin"), logged);
        }
    }
}
