package org.ldn.core.aggregate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ldn.core.engine.Engine;
import org.ldn.core.engine.EngineInputs;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.engine.EngineResult;
import org.ldn.core.engine.MapOutputs;
import org.ldn.core.engine.Period;
import org.ldn.core.engine.ReportTables;
import org.ldn.core.engine.SocInput;
import org.ldn.core.engine.SubIndicator;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.landcover.Legend;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.zone.ArrayZoneSource;

/**
 * Real zone reports for aggregation tests: the engine run over a random synthetic stack (3 land-cover years, LPD for
 * 2 periods, SOC stocks, a population map, land types) on a geographic grid, split into zones. Every table of
 * REPORT.md is filled, and the engine's own total, computed from exact tallies, is a second method for the sum of
 * the zones.
 *
 * @param zones one report per zone
 * @param total the engine's total of all zones
 */
record EngineReports(List<ZoneReport> zones, ZoneReport total) {

    static EngineReports random(long seed, int zoneCount, Map<String, Double> nationalLandAreaKm2) {
        Grid grid = new Grid(CrsInfo.WGS84, 20, 10, 0.25, -0.25, 29, 17);
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = (int) grid.pixelCount();
        int[] zones = new int[n];
        double[][] lc = new double[3][n];
        double[][] lpd = new double[2][n];
        double[][] soc = new double[3][n];
        double[] pop = new double[n];
        double[] types = new double[n];
        for (int i = 0; i < n; i++) {
            zones[i] = rnd.nextInt(zoneCount + 1) - 1;
            for (int y = 0; y < 3; y++) {
                lc[y][i] = rnd.nextInt(20) == 0 ? Double.NaN
                        : y > 0 && rnd.nextBoolean() ? lc[y - 1][i] : 1 + rnd.nextInt(7);
                soc[y][i] = rnd.nextInt(25) == 0 ? Double.NaN : 20 + rnd.nextInt(21);
            }
            for (int p = 0; p < 2; p++) {
                lpd[p][i] = rnd.nextInt(12) == 0 ? Double.NaN : 1 + rnd.nextInt(5);
            }
            pop[i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(1000);
            types[i] = 1 + rnd.nextInt(3);
        }
        TreeMap<Integer, RasterSource> lcMaps = new TreeMap<>();
        Map<Integer, RasterSource> socMaps = new TreeMap<>();
        int[] years = {2000, 2015, 2019};
        for (int y = 0; y < 3; y++) {
            lcMaps.put(years[y], new ArrayRasterSource("lc" + years[y], grid, SampleType.UINT8, lc[y]));
            socMaps.put(years[y], new ArrayRasterSource("soc" + years[y], grid, SampleType.INT16, soc[y]));
        }
        List<String> ids = new ArrayList<>();
        for (int z = 0; z < zoneCount; z++) {
            ids.add("Z" + z);
        }
        EngineInputs in = new EngineInputs(grid, new ArrayZoneSource(grid, zones, ids, ids),
                List.of(new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2015),
                        new Period("reporting1", 2015, 2019, 2015, 2019, 2004, 2019)),
                EnumSet.allOf(SubIndicator.class), Legend.unccd(), lcMaps, List.of(TransitionMatrix.defaults()),
                new int[zoneCount], Map.of("baseline", new ArrayRasterSource("lpd0", grid, SampleType.UINT8, lpd[0]),
                        "reporting1", new ArrayRasterSource("lpd1", grid, SampleType.UINT8, lpd[1])),
                new SocInput.Supplied(socMaps), 10, new ArrayRasterSource("types", grid, SampleType.UINT8, types),
                Map.of("total", new ArrayRasterSource("pop", grid, SampleType.FLOAT32, pop)));
        EngineResult r = Engine.run(in, MapOutputs.NONE, new EngineOptions(16, 1, null));
        ReportTables t = new ReportTables(r, nationalLandAreaKm2);
        return new EngineReports(t.zones(), t.total());
    }
}
