package io.unveil.recognize.stage;

import io.unveil.core.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON bytes for state-store values. */
final class StateJson {
    private StateJson() {
    }

    static byte[] write(Object o) {
        try {
            return Json.MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(byte[] b, Class<T> type) {
        try {
            return Json.MAPPER.readValue(b, type);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt state value for " + type.getSimpleName(), e);
        }
    }
}
