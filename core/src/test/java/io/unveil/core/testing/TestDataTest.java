package io.unveil.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** A test that needs a missing data set says where to get it; one that is there is found. */
class TestDataTest {
    @Test
    void aMissingSetSkipsWithWhereItComesFromAndHowToPointAtIt(@TempDir Path root) throws Exception {
        String before = System.getProperty("unveil.shared.data");
        System.setProperty("unveil.shared.data", root.toString());
        try {
            TestAbortedException e = assertThrows(TestAbortedException.class, () -> TestData.set("celeba-subset"));
            assertTrue(e.getMessage().contains("data set 'celeba-subset' not found at " + root.resolve("celeba-subset"))
                    && e.getMessage().contains("CelebA in-the-wild photos") && e.getMessage().contains("README.md \"Data sets\"")
                    && e.getMessage().contains("-Dunveil.shared.data"), e.getMessage());
            Files.createDirectory(root.resolve("orl"));
            assertEquals(root.resolve("orl"), TestData.set("orl"));
        } finally {
            if (before == null) System.clearProperty("unveil.shared.data");
            else System.setProperty("unveil.shared.data", before);
        }
    }

    @Test
    void everySetOfTheSharedReadmeHasAnOrigin() throws Exception {
        Path readme = Path.of(System.getProperty("unveil.shared.data", "../shared/data"), "README.md").toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(readme), () -> TestData.missing("README.md", readme));
        for (String line : Files.readAllLines(readme)) {
            var m = java.util.regex.Pattern.compile("^\\| `([a-z-]+)/").matcher(line);
            if (m.find()) assertTrue(TestData.ORIGINS.containsKey(m.group(1)), "no origin for " + m.group(1));
        }
    }
}
