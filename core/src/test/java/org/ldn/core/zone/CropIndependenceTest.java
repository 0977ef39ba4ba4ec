package org.ldn.core.zone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * Zones rasterized on a crop of a grid get exactly the pixels they get on the whole grid, whatever the crop's origin,
 * even where zones share edges that run through pixel centres (where the rounding of a crop's own origin could
 * move a row or column of pixels from one zone to the other).
 */
class CropIndependenceTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aCropGetsTheWholeGridsPixels(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double d = seed % 2 == 0 ? 0.00025 : 1.0 / 120; // 30 m-like and 30 arc-second cells
        Grid full = new Grid(CrsInfo.WGS84, 20 + rnd.nextInt(10) * d, 9.5 - rnd.nextInt(10) * d, d, -d, 300, 240);
        // a lattice of rectangular zones whose shared edges lie on pixel centres (and some on pixel edges)
        int[] xs = cuts(rnd, full.width());
        int[] ys = cuts(rnd, full.height());
        List<ZoneShape> zones = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                double x0 = full.x0() + (xs[i] + 0.5 * (xs[i] % 2)) * d;
                double x1 = full.x0() + (xs[i + 1] + 0.5 * (xs[i + 1] % 2)) * d;
                double y0 = full.y0() - (ys[j] + 0.5 * (ys[j] % 2)) * d;
                double y1 = full.y0() - (ys[j + 1] + 0.5 * (ys[j + 1] % 2)) * d;
                String id = "z" + i + "_" + j;
                zones.add(new ZoneShape(id, id, List.of(new double[] {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0})));
            }
        }
        ZoneRaster whole = ZoneRaster.build("test", zones, full);
        int[] all = new int[(int) full.pixelCount()];
        whole.fill(full.extent(), all);
        for (int k = 0; k < 25; k++) {
            int c = rnd.nextInt(full.width() - 1);
            int r = rnd.nextInt(full.height() - 1);
            Window crop = new Window(c, r, 1 + rnd.nextInt(full.width() - c), 1 + rnd.nextInt(full.height() - r));
            ZoneRaster cropped = ZoneRaster.build("test", zones, full, crop);
            int[] got = new int[crop.length()];
            cropped.fill(new Window(0, 0, crop.width(), crop.height()), got);
            int[] expected = new int[crop.length()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = all[(crop.row() + i / crop.width()) * full.width() + crop.col() + i % crop.width()];
            }
            assertArrayEquals(expected, got, "crop " + crop);
        }
        int covered = 0;
        for (int z : all) {
            covered += z >= 0 ? 1 : 0;
        }
        assertTrue(covered > all.length / 2, "the zones cover most of the grid");
    }

    /** Sorted cut positions from 0 to size, odd ones on pixel centres. */
    private static int[] cuts(SplittableRandom rnd, int size) {
        int n = 3 + rnd.nextInt(6);
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>(List.of(0, size - 1));
        while (s.size() < n) {
            s.add(1 + rnd.nextInt(size - 2));
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
