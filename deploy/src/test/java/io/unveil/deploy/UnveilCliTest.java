package io.unveil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.deploy.runtime.Roles;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UnveilCliTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Unveil.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new String[]{Integer.toString(rc), out.toString(), err.toString()};
    }

    @Test
    void helpListsTheCommands() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        for (String c : new String[]{"run", "demo", "models"}) assertTrue(r[1].contains(c), r[1]);
    }

    @Test
    void evalLiveIsAnEvalSubcommand() {
        String[] r = run("eval", "live", "--help");
        assertEquals("0", r[0], r[2]);
        for (String o : new String[]{"--enrolled", "--strangers", "--occlusion", "--roles", "--set"}) assertTrue(r[1].contains(o), r[1]);
    }

    @Test
    void runOffersToPrintEvents() {
        assertTrue(run("run", "--help")[1].contains("--print-events"));
    }

    @Test
    void rolesRegistryIsInPipelineOrder() {
        assertTrue(Roles.names().indexOf("ingest") < Roles.names().indexOf("detect"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Roles.create(java.util.List.of("ingest", "nope")));
        assertTrue(e.getMessage().contains("unknown role 'nope'") && e.getMessage().contains("detect"), e.getMessage());
    }

    @Test
    void badArgumentsFailBeforeAnythingStarts() {
        assertNotEquals("0", run("run", "--roles", "nope", "--metrics-port", "0")[0]);
        assertNotEquals("0", run("run", "--camera", "no-url-here", "--metrics-port", "0")[0]);
        assertNotEquals("0", run("run", "--camera", "c=gopher://x", "--metrics-port", "0")[0]);
    }
}
