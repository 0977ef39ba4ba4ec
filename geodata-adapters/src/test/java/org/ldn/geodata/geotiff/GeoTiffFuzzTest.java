package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterReadException;

/**
 * Coverage-guided fuzzing of the GeoTIFF reader (Jazzer): any file either opens and reads completely, or fails with
 * one {@link RasterReadException} line naming it; never another exception, a hang or an OutOfMemoryError. Seeds are
 * tiny valid GeoTIFFs of every layout in {@code GeoTiffFuzzTestInputs/opensOrFailsCleanly/} (see docs/fuzzing.md).
 */
class GeoTiffFuzzTest {
    /** Samples decoded per input at most; larger images are read in their first and last block rows only. */
    private static final long MAX_SAMPLES = 4_000_000;

    private static final Path FILE = FuzzFile.create("fuzz", ".tif");

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(FILE);
    }

    @FuzzTest(maxDuration = "10s")
    void opensOrFailsCleanly(byte[] data) throws IOException {
        Files.write(FILE, data);
        try (GeoTiffSource s = GeoTiffSource.open(FILE, "fuzz.tif")) {
            readSome(s);
        } catch (RasterReadException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith("fuzz.tif: "), m);
            assertFalse(m.contains("\n"), m);
        }
    }

    /** Reads every pixel of every band in windows of at most 256 x 256, or the first and last rows of a big image. */
    private static void readSome(GeoTiffSource s) {
        int w = s.grid().width();
        int h = s.grid().height();
        int bands = s.bandCount();
        boolean all = (long) w * h * bands <= MAX_SAMPLES;
        int step = 256;
        for (int r = 0; r < h; r += step) {
            if (!all && r > 0 && r + step < h) {
                continue;
            }
            int rows = Math.min(step, h - r);
            for (int c = 0; c < w; c += step) {
                if (!all && (long) c * rows * bands > MAX_SAMPLES) {
                    break;
                }
                Window win = new Window(c, r, Math.min(step, w - c), rows);
                double[] out = new double[win.length() * bands];
                s.readBands(0, bands, win, out);
            }
        }
    }
}
