package org.ldn.core.landcover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.InputException;
import org.ldn.core.indicator.Classes;

class LegendTest {
    @Test
    void esaCciNestsAsTheMethodSays() {
        Legend l = Legend.esaCci();
        // METHOD.md §2, one code of each group and the group edges
        int[][] cases = {{50, 1}, {100, 1}, {62, 1}, {110, 2}, {153, 2}, {10, 3}, {40, 3}, {160, 4}, {180, 4},
            {190, 5}, {200, 6}, {220, 6}, {210, 7}};
        for (int[] c : cases) {
            assertEquals(c[1], l.classOf().get(c[0]), "code " + c[0]);
        }
        assertEquals(37, l.classOf().size());
        assertTrue(l.noData().contains(0));
    }

    @Test
    void kernelMapsCodesAndReportsTheFirstUnknownPixel() {
        byte[] lut = Legend.esaCci().lookupTable();
        double[] codes = {10, 210, 0, Double.NaN, 50, 999};
        short[] out = new short[6];
        int bad = LegendKernel.apply(codes, lut, out, 6);
        assertEquals(5, bad);
        assertEquals(3, out[0]);
        assertEquals(7, out[1]);
        assertEquals(Classes.NODATA, out[2]);
        assertEquals(Classes.NODATA, out[3]);
        assertEquals(1, out[4]);
        assertEquals(LegendKernel.ALL_KNOWN, LegendKernel.apply(codes, lut, out, 5));
        assertEquals(0, LegendKernel.apply(new double[] {10.5}, lut, out, 1), "non-integer code");
        assertEquals(0, LegendKernel.apply(new double[] {-1}, lut, out, 1), "negative code");
    }

    @Test
    void readsACsvLegend(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("legend.csv");
        Files.writeString(f, "code,name,unccd_class\n1,Agriculture,3\n2,Forest,1\n9,Water,7\n255,No data,nodata\n");
        Legend l = Legend.fromCsv(f, "legend.csv");
        assertEquals(3, l.classOf().get(1));
        assertEquals(7, l.classOf().get(9));
        assertEquals("Forest", l.labels().get(2));
        assertTrue(l.noData().contains(255));
    }

    @Test
    void rejectsBadLegends(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "code,name,unccd_class\n1,A,3\n1,B,2\n");
        InputException e = assertThrows(InputException.class, () -> Legend.fromCsv(f, "bad.csv"));
        assertEquals("bad.csv: code 1 appears twice (line 3)", e.getMessage());
        Files.writeString(f, "code,name,unccd_class\n1,A,8\n");
        e = assertThrows(InputException.class, () -> Legend.fromCsv(f, "bad.csv"));
        assertEquals("legend bad.csv: code 1 maps to 8, not a UNCCD class 1..7", e.getMessage());
        Files.writeString(f, "value,label\n1,A\n");
        assertThrows(InputException.class, () -> Legend.fromCsv(f, "bad.csv"));
    }
}
