package org.ldn.core.landcover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.InputException;
import org.ldn.core.indicator.Classes;

class TransitionMatrixTest {
    /** METHOD.md §2, typed from the table (rows initial). */
    private static final int[][] GUIDANCE = {
        {0, -1, -1, -1, -1, -1, 0}, {1, 0, 1, -1, -1, -1, 0}, {1, -1, 0, -1, -1, -1, 0},
        {-1, -1, -1, 0, -1, -1, 0}, {1, 1, 1, 1, 0, 1, 0}, {1, 1, 1, 1, -1, 0, 0}, {0, 0, 0, 0, 0, 0, 0}};

    @Test
    void defaultIsTheGuidanceMatrix() {
        assertArrayEquals(GUIDANCE, TransitionMatrix.defaults().toArray());
        assertEquals(-1, TransitionMatrix.defaults().get(1, 3), "forest to cropland degrades");
        assertEquals(1, TransitionMatrix.defaults().get(3, 1), "cropland to forest improves");
        assertEquals(-1, TransitionMatrix.defaults().get(6, 5), "other land to artificial degrades");
    }

    @Test
    void kernelAppliesPerPixelAndCarriesNodata() {
        short[] start = {1, 3, 2, Classes.NODATA, 5, 7};
        short[] end = {1, 1, 4, 1, Classes.NODATA, 3};
        short[] out = new short[6];
        LandCoverDegradation.apply(start, end, new TransitionMatrix[] {TransitionMatrix.defaults()}, null, out, 6);
        assertArrayEquals(new short[] {0, 1, -1, Classes.NODATA, Classes.NODATA, 0}, out);
    }

    @Test
    void regionalMatricesApplyPerGroup() {
        int[][] allDegrade = new int[7][7];
        for (int[] r : allDegrade) {
            java.util.Arrays.fill(r, -1);
        }
        TransitionMatrix[] m = {TransitionMatrix.defaults(), TransitionMatrix.of("strict", allDegrade)};
        short[] out = new short[2];
        LandCoverDegradation.apply(new short[] {1, 1}, new short[] {1, 1}, m, new byte[] {0, 1}, out, 2);
        assertArrayEquals(new short[] {0, -1}, out);
    }

    @Test
    void readsCsvWithHeaderAndLabels(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.csv");
        StringBuilder sb = new StringBuilder("initial,1,2,3,4,5,6,7\n");
        for (int i = 0; i < 7; i++) {
            sb.append("c").append(i + 1);
            for (int j = 0; j < 7; j++) {
                sb.append(',').append(GUIDANCE[i][j]);
            }
            sb.append('\n');
        }
        Files.writeString(f, sb.toString());
        assertArrayEquals(GUIDANCE, TransitionMatrix.fromCsv(f, "m.csv").toArray());
        Files.writeString(f, "0,0,0\n");
        InputException e = assertThrows(InputException.class, () -> TransitionMatrix.fromCsv(f, "m.csv"));
        assertEquals("m.csv: a transition matrix has 7 rows, found 1", e.getMessage());
    }
}
