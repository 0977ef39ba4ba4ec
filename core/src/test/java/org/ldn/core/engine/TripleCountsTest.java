package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.Grid;
import org.ldn.core.landcover.Legend;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.zone.ArrayZoneSource;

/**
 * A run with two reporting periods derives both (baseline × period) joint counts from one (baseline × reporting 1 ×
 * reporting 2) count per indicator; each reporting period's figures must equal those of a run with the baseline and
 * that period alone, which counts its joint directly.
 */
class TripleCountsTest {
    private static final Period BASELINE = new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2015);
    private static final Period REPORTING1 = new Period("reporting1", 2015, 2019, 2015, 2019, 2004, 2019);
    private static final Period REPORTING2 = new Period("reporting2", 2019, 2023, 2019, 2023, 2008, 2023);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void reportingPeriodsAsInRunsWithoutTriples(long seed) {
        Grid grid = EngineTest.geographic(41, 29);
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = (int) grid.pixelCount();
        int zoneCount = 3;
        int[] zones = new int[n];
        int[] years = {2000, 2015, 2019, 2023};
        double[][] lc = new double[4][n];
        double[][] soc = new double[4][n];
        double[][] lpd = new double[3][n];
        for (int i = 0; i < n; i++) {
            zones[i] = rnd.nextInt(zoneCount + 1) - 1;
            for (int y = 0; y < 4; y++) {
                lc[y][i] = rnd.nextInt(20) == 0 ? Double.NaN
                        : y > 0 && rnd.nextBoolean() ? lc[y - 1][i] : 1 + rnd.nextInt(7);
                soc[y][i] = rnd.nextInt(25) == 0 ? Double.NaN : rnd.nextInt(10) == 0 ? 0 : 20 + rnd.nextInt(21);
            }
            for (int p = 0; p < 3; p++) {
                int v = rnd.nextInt(8);
                lpd[p][i] = v == 6 ? 15 : v == 7 ? Double.NaN : v;
            }
        }
        TreeMap<Integer, RasterSource> lcMaps = new TreeMap<>();
        Map<Integer, RasterSource> socMaps = new TreeMap<>();
        for (int y = 0; y < 4; y++) {
            lcMaps.put(years[y], new ArrayRasterSource("lc" + years[y], grid, SampleType.UINT8, lc[y]));
            socMaps.put(years[y], new ArrayRasterSource("soc" + years[y], grid, SampleType.INT16, soc[y]));
        }
        Map<String, RasterSource> lpdMaps = Map.of(
                "baseline", new ArrayRasterSource("lpd0", grid, SampleType.UINT8, lpd[0]),
                "reporting1", new ArrayRasterSource("lpd1", grid, SampleType.UINT8, lpd[1]),
                "reporting2", new ArrayRasterSource("lpd2", grid, SampleType.UINT8, lpd[2]));
        List<String> ids = List.of("Z0", "Z1", "Z2");
        ZoneReport[] three = run(grid, zones, ids, List.of(BASELINE, REPORTING1, REPORTING2), lcMaps, lpdMaps, socMaps);
        ZoneReport[] first = run(grid, zones, ids, List.of(BASELINE, REPORTING1), lcMaps, lpdMaps, socMaps);
        ZoneReport[] second = run(grid, zones, ids, List.of(BASELINE, REPORTING2), lcMaps, lpdMaps, socMaps);
        for (int z = 0; z < three.length; z++) {
            assertEquals(first[z].periods().get(0), three[z].periods().get(0), "baseline, zone " + z);
            assertEquals(first[z].periods().get(1), three[z].periods().get(1), "reporting 1, zone " + z);
            assertEquals(second[z].periods().get(1), three[z].periods().get(2), "reporting 2, zone " + z);
        }
    }

    private static ZoneReport[] run(Grid grid, int[] zones, List<String> ids, List<Period> periods,
            TreeMap<Integer, RasterSource> lcMaps, Map<String, RasterSource> lpdMaps,
            Map<Integer, RasterSource> socMaps) {
        EngineInputs in = new EngineInputs(grid, new ArrayZoneSource(grid, zones, ids, ids), periods,
                EnumSet.allOf(SubIndicator.class), Legend.unccd(), lcMaps, List.of(TransitionMatrix.defaults()),
                new int[ids.size()], lpdMaps, new SocInput.Supplied(socMaps), 10, null, Map.of());
        return EngineTest.run(in, 16, 2);
    }
}
