package io.unveil.research.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.research.train.idgan.IdGanOptions;
import io.unveil.research.train.idgan.IdentityLoss;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainIdGanCommandTest {
    private static TrainIdGanCommand parse(String... args) {
        TrainIdGanCommand c = new TrainIdGanCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void withoutFlagsTheCommandRunsWithTheOptionsDefaults() throws Exception {
        IdGanOptions parsed = parse().options(), defaults = new IdGanOptions();
        int compared = 0;
        for (Field f : IdGanOptions.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            assertEquals(f.get(defaults), f.get(parsed), "--" + f.getName() + ": the command's default differs from IdGanOptions'");
            compared++;
        }
        assertTrue(compared >= 30, "fields compared: " + compared);
        assertEquals(100, defaults.checkpointEvery, "the value the model card's runs used");
        assertEquals(100, defaults.validateEvery);
    }

    @Test
    void flagsLandInTheOptions() {
        IdGanOptions o = parse("--steps", "5000", "--batch", "4", "--w-identity", "3", "--identity-loss", "tri", "--checkpoint-every", "250",
                "--validate-every", "500", "--init-from", "gen.bin", "--mirror-input", "--keep-snapshots", "--no-parsing", "--no-resume").options();
        assertEquals(5000, o.steps);
        assertEquals(4, o.batch);
        assertEquals(3f, o.wIdentity);
        assertEquals(IdentityLoss.TRIPLET, o.identityLoss);
        assertEquals(250, o.checkpointEvery);
        assertEquals(500, o.validateEvery);
        assertEquals(Path.of("gen.bin"), o.initFrom);
        assertTrue(o.mirror && o.keepSnapshots);
        assertFalse(o.useParsing || o.resume);
        assertEquals(IdentityLoss.NONE, parse("--identity-loss", "center", "--no-identity").options().identityLoss, "--no-identity wins");
    }

    @Test
    void helpShowsTheOptionsDefaults() {
        String help = new CommandLine(new TrainIdGanCommand()).getUsageMessage();
        assertTrue(help.contains("checkpoint every N steps (default 100)"), help);
        assertTrue(help.contains("--no-parsing") && help.contains("--identity-loss"), help);
    }
}
