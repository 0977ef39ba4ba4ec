package org.ldn.core.report;

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
 * Coverage-guided fuzzing of the report reader (Jazzer): every input is read ({@link ReportJson#read}) and checked
 * ({@link ReportConsistency#problems}), or fails with one {@link InputException} line naming the file; no other
 * exception, hang or OutOfMemoryError.
 */
class ReportJsonFuzzTest {
    private static final Path FILE = FuzzScratch.folder().resolve("report.json");


    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(FILE);
        Files.deleteIfExists(FILE.getParent());
    }

    @FuzzTest(maxDuration = "10s")
    void readsOrFailsCleanly(byte[] data) throws IOException {
        Files.write(FILE, data);
        try {
            for (String p : ReportConsistency.problems(ReportJson.read(FILE))) {
                assertFalse(p.contains("\n"), p);
            }
        } catch (InputException e) {
            assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
