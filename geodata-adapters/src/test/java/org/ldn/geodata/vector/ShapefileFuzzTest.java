package org.ldn.geodata.vector;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.ldn.core.InputException;
import org.ldn.geodata.geotiff.FuzzFile;

/**
 * Coverage-guided fuzzing of the Shapefile reader (Jazzer). An input packs the three files: two big-endian unsigned
 * shorts (the lengths of the .shp and the .shx), the .shp, the .shx, and the rest is the .dbf. Every input either
 * reads or fails with one {@link InputException} line naming the file; no other exception, hang or OutOfMemoryError.
 */
class ShapefileFuzzTest {
    private static final Path SHP = FuzzFile.create("fuzz", ".shp");
    private static final Path SHX = ShapefileFeatures.sibling(SHP, "shx");
    private static final Path DBF = ShapefileFeatures.sibling(SHP, "dbf");

    @AfterAll
    static void cleanUp() throws IOException {
        for (Path p : new Path[] {SHP, SHX, DBF}) {
            Files.deleteIfExists(p);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void readsOrFailsCleanly(byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        int n = data.length;
        int at = Math.min(4, n);
        int shp = n >= 2 ? Math.min(Short.toUnsignedInt(b.getShort(0)), n - at) : 0;
        int shx = n >= 4 ? Math.min(Short.toUnsignedInt(b.getShort(2)), n - at - shp) : 0;
        Files.write(SHP, Arrays.copyOfRange(data, at, at + shp));
        Files.write(SHX, Arrays.copyOfRange(data, at + shp, at + shp + shx));
        Files.write(DBF, Arrays.copyOfRange(data, at + shp + shx, n));
        VectorFuzzing.readOrFailCleanly(SHP);
    }
}
