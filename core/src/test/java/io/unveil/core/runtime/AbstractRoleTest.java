package io.unveil.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbstractRoleTest {
    private final List<String> closed = new ArrayList<>();

    /** Opens "model", "client", "streams" in that order; fails after {@code failAfter} of them when >= 0. */
    private final class ThreeParts extends AbstractRole {
        private final int failAfter;

        ThreeParts(int failAfter) {
            super("three");
            this.failAfter = failAfter;
        }

        @Override
        protected void open(RoleContext ctx) {
            List<String> parts = List.of("model", "client", "streams");
            for (int i = 0; i < parts.size(); i++) {
                if (i == failAfter) throw new IllegalStateException("weights missing");
                String p = parts.get(i);
                closeOnStop(() -> {
                    closed.add(p);
                    if (p.equals("client")) throw new java.io.IOException("broker gone");
                });
            }
        }
    }

    @Test
    void closesInReverseOrderPastAFailingCloseAndOnlyOnce() throws Exception {
        ThreeParts role = new ThreeParts(-1);
        assertEquals("three", role.name());
        role.start(null);
        role.close();
        assertEquals(List.of("streams", "client", "model"), closed, "the client's failure does not keep the model open");
        role.close();
        assertEquals(3, closed.size(), "a second close closes nothing again");
    }

    @Test
    void aRoleThatFailsToStartReleasesWhatItHadOpened() {
        ThreeParts role = new ThreeParts(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> role.start(null));
        assertEquals("weights missing", e.getMessage());
        assertEquals(List.of("client", "model"), closed);
    }

    @Test
    void closeOnStopReturnsTheResource() {
        ThreeParts role = new ThreeParts(-1);
        AutoCloseable r = () -> closed.add("r");
        assertSame(r, role.closeOnStop(r));
        role.close();
        assertEquals(List.of("r"), closed);
    }
}
