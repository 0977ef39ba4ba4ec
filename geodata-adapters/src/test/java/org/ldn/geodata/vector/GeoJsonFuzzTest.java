package org.ldn.geodata.vector;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.ldn.core.InputException;
import org.ldn.geodata.geotiff.FuzzFile;

/**
 * Coverage-guided fuzzing of the GeoJSON reader (Jazzer): every input either reads or fails with one
 * {@link InputException} line naming the file; no other exception, hang or OutOfMemoryError.
 */
class GeoJsonFuzzTest {
    private static final Path FILE = FuzzFile.create("fuzz", ".geojson");

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(FILE);
    }

    @FuzzTest(maxDuration = "10s")
    void readsOrFailsCleanly(byte[] data) throws IOException {
        Files.write(FILE, data);
        VectorFuzzing.readOrFailCleanly(FILE);
    }
}
