package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.PixelAreas;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.reporting.ReportingTable;
import org.ldn.core.reporting.UnccdTables;

/** CP-1.T1: total, water (class 7) and land area per zone and land-cover year, against a naive per-pixel sum. */
class LandAreaByYearTest {
    private static final int[] YEARS = {2000, 2015, 2019};

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void figuresEqualTheLandCoverClassAreasForEveryYearZoneAndTotal(long seed) {
        Grid grid = EngineTest.geographic(29, 17);
        EngineTest.Synthetic s = EngineTest.synthetic(grid, seed, 3);
        EngineResult r = Engine.run(s.inputs(), MapOutputs.NONE, new EngineOptions(8, 2, null));
        Map<String, Double> national = Map.of("Z0", 1000.0, "Z1", 2000.0, "Z2", 3000.0);
        ReportTables t = new ReportTables(r, national);
        List<ZoneReport> zones = new ArrayList<>(t.zones());
        zones.add(t.total());
        double[] rowArea = PixelAreas.rowAreasKm2(grid);
        // naive: [zone (3 = total)][year][0 total, 1 water, 2 land]
        BigDecimal[][][] expect = new BigDecimal[4][3][3];
        for (BigDecimal[][] a : expect) {
            for (BigDecimal[] b : a) {
                java.util.Arrays.fill(b, BigDecimal.ZERO);
            }
        }
        for (int i = 0; i < s.zones().length; i++) {
            int z = s.zones()[i];
            if (z < 0) {
                continue;
            }
            BigDecimal a = new BigDecimal(rowArea[i / grid.width()]);
            for (int y = 0; y < 3; y++) {
                int k = s.lc()[y][i] == 7 ? 1 : 2; // NaN (no class) counts as land, as in the indicator's land area
                for (int zz : new int[] {z, 3}) {
                    expect[zz][y][0] = expect[zz][y][0].add(a);
                    expect[zz][y][k] = expect[zz][y][k].add(a);
                }
            }
        }
        for (int z = 0; z < 4; z++) {
            ZoneReport zr = zones.get(z);
            for (int y = 0; y < 3; y++) {
                String year = String.valueOf(YEARS[y]);
                Report.LandArea l = zr.landAreaByYearKm2().get(year);
                String what = zr.id() + " " + year;
                close(expect[z][y][0], l.totalKm2(), what + " total");
                close(expect[z][y][1], l.waterKm2(), what + " water");
                close(expect[z][y][2], l.landKm2(), what + " land");
                assertEquals(zr.landCoverClassKm2().get(year).get("7"), l.waterKm2(), what + ": water is class 7");
                assertEquals(zr.areaKm2(), l.totalKm2(), 1e-9, what + ": total is the zone's area");
                assertEquals(z == 3 ? 6000.0 : (z + 1) * 1000.0, l.nationalLandAreaKm2(), what + " national");
            }
        }
        Report report = new Report(Report.SCHEMA_VERSION, null, null, null, null, null, null, null,
                zones.subList(0, 3), zones.get(3));
        ReportingTable cp = UnccdTables.of(report).get(0);
        assertEquals("CP-1.T1", cp.id());
        assertEquals(4 * 3, cp.rows().size(), "a row per zone (and the total) and land-cover year");
        for (int row = 0; row < cp.rows().size(); row++) {
            ZoneReport zr = zones.get(row / 3);
            Report.LandArea l = zr.landAreaByYearKm2().get(String.valueOf(YEARS[row % 3]));
            assertEquals(List.of(zr.id(), zr.name(), YEARS[row % 3], l.totalKm2(), l.landKm2(), l.waterKm2(),
                    l.nationalLandAreaKm2()), cp.rows().get(row));
        }
        assertNull(new ReportTables(r, Map.of()).total().landAreaByYearKm2().get("2000").nationalLandAreaKm2());
    }

    private static void close(BigDecimal expected, double actual, String what) {
        double e = expected.doubleValue();
        assertEquals(e, actual, Math.max(1e-9, Math.abs(e) * 1e-12), what);
    }
}
