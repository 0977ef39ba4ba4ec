package org.ldn.core.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A grid cut from another finds its window in it again, whatever the rounding of the cut origin. */
class GridTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void aSubGridFindsItsWindow(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CrsInfo crs = seed % 2 == 0 ? CrsInfo.WGS84 : new CrsInfo("test", "PROJCRS[\"test\"]", null, false, true);
        double[] cells = {0.00025, 1.0 / 120, 0.1, 30, 300, 463.312716528};
        for (int k = 0; k < 500; k++) {
            double d = cells[rnd.nextInt(cells.length)];
            Grid whole = new Grid(crs, -180 + rnd.nextDouble() * 100, 90 - rnd.nextDouble() * 50, d,
                    rnd.nextBoolean() ? -d : d, 40_000 + rnd.nextInt(100), 30_000 + rnd.nextInt(100));
            int c = rnd.nextInt(whole.width() - 1);
            int r = rnd.nextInt(whole.height() - 1);
            Window w = new Window(c, r, 1 + rnd.nextInt(whole.width() - c), 1 + rnd.nextInt(whole.height() - r));
            assertEquals(w, whole.subGrid(w).windowIn(whole), "cell " + d + ", window " + w);
        }
    }
}
