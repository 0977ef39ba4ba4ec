package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.landcover.Legend;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.Report.LandTypeBalance;
import org.ldn.core.report.Report.LdnByLandType;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.zone.ArrayZoneSource;

/** METHOD.md §7: pixels whose land type is nodata are reported as the type {@code nodata}, outside {@code achieved}. */
class LandTypeNoDataTest {
    private static final CrsInfo EQUAL_AREA = new CrsInfo("test equal-area", "PROJCRS[\"test\"]", null, false, true);
    private static final double N = Double.NaN;

    /**
     * Six 1 km² pixels in one zone, land cover only (UNCCD codes, 2000 → 2015 → 2019):
     * 0 grass stays grass (status 4), type 1; 1 grass → tree in 2019 (status 6, gain), type 1;
     * 2, 3 tree → grass in 2019 (status 2, losses), land type nodata; 4 grass → tree (gain), land type nodata;
     * 5 outside the zone, land type nodata, tree → grass (must not count).
     */
    private static ZoneReport[] run() {
        Grid grid = new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 3, 2);
        double[][] lc = {{2, 2, 1, 1, 2, 1}, {2, 2, 1, 1, 2, 1}, {2, 1, 2, 2, 1, 2}};
        double[] types = {1, 1, N, N, N, N};
        int[] zones = {0, 0, 0, 0, 0, -1};
        int[] years = {2000, 2015, 2019};
        TreeMap<Integer, RasterSource> maps = new TreeMap<>();
        for (int y = 0; y < 3; y++) {
            maps.put(years[y], new ArrayRasterSource("lc" + years[y], grid, SampleType.UINT8, lc[y]));
        }
        EngineInputs in = new EngineInputs(grid, new ArrayZoneSource(grid, zones, List.of("A"), List.of("A")),
                EngineTest.periods(), EnumSet.of(SubIndicator.LAND_COVER), Legend.unccd(), maps,
                List.of(TransitionMatrix.defaults()), new int[1], Map.of(), null, 10,
                new ArrayRasterSource("types", grid, SampleType.FLOAT32, types), Map.of());
        return EngineTest.run(in, 2, 1);
    }

    @Test
    void gainsAndLossesWithoutALandTypeAreReportedAsNodata() {
        for (ZoneReport z : run()) {
            LdnByLandType ldn = z.periods().get(1).ldnByLandType();
            LandTypeBalance one = ldn.types().get("1");
            assertEquals(1.0, one.gainsKm2(), 1e-12, z.id());
            assertEquals(0.0, one.lossesKm2(), 1e-12, z.id());
            assertTrue(one.achieved());
            LandTypeBalance nd = ldn.types().get("nodata");
            assertNotNull(nd, z.id() + ": the nodata land type is listed");
            assertEquals(1.0, nd.gainsKm2(), 1e-12, z.id());
            assertEquals(2.0, nd.lossesKm2(), 1e-12, z.id());
            assertEquals(-1.0, nd.deltaKm2(), 1e-12, z.id());
            assertFalse(nd.achieved(), z.id());
            assertTrue(ldn.achieved(), z.id() + ": the nodata type does not count toward achieved");
            assertEquals(List.of("1", "nodata"), List.copyOf(ldn.types().keySet()), "nodata comes last");
        }
    }
}
