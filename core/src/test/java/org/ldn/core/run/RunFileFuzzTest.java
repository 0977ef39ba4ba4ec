package org.ldn.core.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.ldn.core.FuzzScratch;
import org.ldn.core.InputException;

/**
 * Coverage-guided fuzzing of the run-file reader (Jazzer): every input, as YAML and as JSON, is read and resolved
 * ({@link RunFiles#read}, {@link RunFiles#resolve}, {@link RunFiles#describe}) or fails with one
 * {@link InputException} line naming the file; no other exception, hang or OutOfMemoryError.
 */
class RunFileFuzzTest {
    private static final Path DIR = FuzzScratch.folder();
    private static final Path YAML = DIR.resolve("ldn.yaml");
    private static final Path JSON = DIR.resolve("ldn.json");

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(YAML);
        Files.deleteIfExists(JSON);
        Files.deleteIfExists(DIR);
    }

    @FuzzTest(maxDuration = "10s")
    void readsOrFailsCleanly(byte[] data) throws IOException {
        for (Path file : new Path[] {YAML, JSON}) {
            Files.write(file, data);
            try {
                ResolvedRun r = RunFiles.resolve(RunFiles.read(file), file);
                RunFiles.describe(r);
            } catch (InputException e) {
                assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }
}
