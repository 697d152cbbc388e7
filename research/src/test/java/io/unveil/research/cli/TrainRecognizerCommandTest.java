package io.unveil.research.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --exclude-identities: the identities of a labelled set; a wrong path is an error, never "exclude nobody". */
class TrainRecognizerCommandTest {
    @Test
    void excludedIdentitiesComeFromTheLabelledSetAndAWrongPathIsRefused(@TempDir Path dir) throws Exception {
        TrainRecognizerCommand c = new TrainRecognizerCommand();
        assertEquals(Set.of(), c.excluded(), "none given: nobody left out");

        Path set = Files.createDirectories(dir.resolve("set"));
        Files.writeString(set.resolve("labels.csv"), "file,identity\nimages/a.jpg,celeba-1\nimages/b.jpg,celeba-2\nimages/c.jpg,celeba-1\n");
        c.excludeIdentities = set;
        assertEquals(Set.of("celeba-1", "celeba-2"), c.excluded());

        c.excludeIdentities = dir.resolve("typo");
        var e = assertThrows(IllegalArgumentException.class, c::excluded);
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());

        c.excludeIdentities = Files.createDirectories(dir.resolve("empty"));
        e = assertThrows(IllegalArgumentException.class, c::excluded);
        assertTrue(e.getMessage().contains("no labelled images"), e.getMessage());
    }
}
