package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.InputException;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.PixelAreas;
import org.ldn.core.landcover.Legend;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.zone.ArrayZoneSource;

class EngineTest {
    private static final CrsInfo EQUAL_AREA = new CrsInfo("test equal-area", "PROJCRS[\"test\"]", null, false, true);

    /** A random run: 3 years of land cover, 2 periods of LPD, SOC for 3 years, 3 zones, on {@code grid}. */
    record Synthetic(Grid grid, int[] zones, double[][] lc, double[][] lpd, double[][] soc, EngineInputs inputs) {
    }

    static Synthetic synthetic(Grid grid, long seed, int zoneCount) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = (int) grid.pixelCount();
        int[] zones = new int[n];
        double[][] lc = new double[3][n];
        double[][] lpd = new double[2][n];
        double[][] soc = new double[3][n];
        for (int i = 0; i < n; i++) {
            zones[i] = rnd.nextInt(zoneCount + 1) - 1;
            for (int y = 0; y < 3; y++) {
                lc[y][i] = rnd.nextInt(20) == 0 ? Double.NaN : y > 0 && rnd.nextBoolean() ? lc[y - 1][i] : 1 + rnd.nextInt(7);
                soc[y][i] = rnd.nextInt(25) == 0 ? Double.NaN : rnd.nextInt(10) == 0 ? 0 : 20 + rnd.nextInt(21);
            }
            for (int p = 0; p < 2; p++) {
                int v = rnd.nextInt(8);
                lpd[p][i] = v == 6 ? 15 : v == 7 ? Double.NaN : v;
            }
        }
        TreeMap<Integer, RasterSource> lcMaps = new TreeMap<>();
        int[] years = {2000, 2015, 2019};
        Map<Integer, RasterSource> socMaps = new TreeMap<>();
        for (int y = 0; y < 3; y++) {
            lcMaps.put(years[y], new ArrayRasterSource("lc" + years[y], grid, SampleType.UINT8, lc[y]));
            socMaps.put(years[y], new ArrayRasterSource("soc" + years[y], grid, SampleType.INT16, soc[y]));
        }
        Map<String, RasterSource> lpdMaps = Map.of(
                "baseline", new ArrayRasterSource("lpd0", grid, SampleType.UINT8, lpd[0]),
                "reporting1", new ArrayRasterSource("lpd1", grid, SampleType.UINT8, lpd[1]));
        List<String> ids = new ArrayList<>();
        for (int z = 0; z < zoneCount; z++) {
            ids.add("Z" + z);
        }
        EngineInputs in = new EngineInputs(grid, new ArrayZoneSource(grid, zones, ids, ids), periods(),
                EnumSet.allOf(SubIndicator.class), Legend.unccd(), lcMaps, List.of(TransitionMatrix.defaults()),
                new int[zoneCount], lpdMaps, new SocInput.Supplied(socMaps), 10, null, Map.of());
        return new Synthetic(grid, zones, lc, lpd, soc, in);
    }

    static List<Period> periods() {
        return List.of(new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2015),
                new Period("reporting1", 2015, 2019, 2015, 2019, 2004, 2019));
    }

    static Grid geographic(int w, int h) {
        return new Grid(CrsInfo.WGS84, 20, 10, 0.25, -0.25, w, h);
    }

    static ZoneReport[] run(EngineInputs in, int tile, int threads) {
        EngineResult r = Engine.run(in, MapOutputs.NONE, new EngineOptions(tile, threads, null));
        ReportTables t = new ReportTables(r, Map.of());
        List<ZoneReport> z = new ArrayList<>(t.zones());
        z.add(t.total());
        return z.toArray(new ZoneReport[0]);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void figuresEqualTheNaiveMethod(long seed) {
        Grid grid = seed == 2 ? new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 37, 23) : geographic(37, 23);
        Synthetic s = synthetic(grid, seed, 3);
        ZoneReport[] reports = run(s.inputs(), 16, 2);
        double[] rowArea = PixelAreas.rowAreasKm2(grid);
        int n = (int) grid.pixelCount();
        // per zone (3 = total), per period: sdg, lc, prod, soc as [improved, stable, degraded, nodata, water]
        BigDecimal[][][][] sums = new BigDecimal[4][2][4][5];
        BigDecimal[][] status7 = new BigDecimal[4][9];
        for (BigDecimal[][][] a : sums) {
            for (BigDecimal[][] b : a) {
                for (BigDecimal[] c : b) {
                    java.util.Arrays.fill(c, BigDecimal.ZERO);
                }
            }
        }
        for (BigDecimal[] a : status7) {
            java.util.Arrays.fill(a, BigDecimal.ZERO);
        }
        for (int i = 0; i < n; i++) {
            int z = s.zones()[i];
            if (z < 0) {
                continue;
            }
            BigDecimal a = new BigDecimal(rowArea[i / grid.width()]);
            int[] sdg = new int[2];
            for (int p = 0; p < 2; p++) {
                int lcStart = cls(s.lc()[p][i]);
                int lcEnd = cls(s.lc()[p + 1][i]);
                boolean water = lcStart == 7;
                int l = water ? NaiveMethod.WATER : NaiveMethod.landCover(lcStart, lcEnd);
                int pr = water ? NaiveMethod.WATER : NaiveMethod.productivity(lpdClass(s.lpd()[p][i]));
                int c = water ? NaiveMethod.WATER : NaiveMethod.soc(s.soc()[p][i], s.soc()[p + 1][i]);
                sdg[p] = NaiveMethod.combine(water, l, pr, c);
                int[] v = {sdg[p], l, pr, c};
                for (int j = 0; j < 4; j++) {
                    int key = v[j] == 1 ? 0 : v[j] == 0 ? 1 : v[j] == -1 ? 2 : v[j] == NaiveMethod.WATER ? 4 : 3;
                    sums[z][p][j][key] = sums[z][p][j][key].add(a);
                    sums[3][p][j][key] = sums[3][p][j][key].add(a);
                }
            }
            int st = NaiveMethod.status(sdg[0], sdg[1]);
            int sk = st == NaiveMethod.WATER ? 8 : st == NaiveMethod.ND ? 7 : st - 1;
            status7[z][sk] = status7[z][sk].add(a);
            status7[3][sk] = status7[3][sk].add(a);
        }
        for (int z = 0; z < 4; z++) {
            ZoneReport zr = reports[z];
            for (int p = 0; p < 2; p++) {
                PeriodReport pr = zr.periods().get(p);
                AreaSummary[] got = {pr.sdg(), pr.landCover(), pr.productivity(), pr.soc()};
                for (int j = 0; j < 4; j++) {
                    BigDecimal[] e = sums[z][p][j];
                    String what = "zone " + z + " period " + p + " indicator " + j;
                    close(e[0], got[j].improvedKm2(), what + " improved");
                    close(e[1], got[j].stableKm2(), what + " stable");
                    close(e[2], got[j].degradedKm2(), what + " degraded");
                    close(e[3], got[j].noDataKm2(), what + " nodata");
                    close(e[4], got[j].waterKm2(), what + " water");
                    close(e[0].add(e[1]).add(e[2]).add(e[3]), got[j].landAreaKm2(), what + " land");
                }
            }
            String[] labels = {"1", "2", "3", "4", "5", "6", "7", "nodata", "water"};
            for (int k = 0; k < 9; k++) {
                close(status7[z][k], zr.periods().get(1).status7Km2().get(labels[k]), "status " + labels[k]);
            }
        }
    }

    /**
     * Every table that is derived from joint counts after the pass (DerivedKeys) equals the same table summed pixel
     * by pixel here: zone and land-cover areas, transitions, LPD and LPD by land cover, the status and cross table of
     * every indicator, and the land types' gains and losses.
     */
    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void everyTableEqualsTheNaiveMethod(long seed) {
        Grid grid = seed == 5 ? new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 41, 19) : geographic(41, 19);
        Synthetic s = synthetic(grid, seed, 3);
        ZoneReport[] reports = run(s.inputs(), 13, 2);
        double[] rowArea = PixelAreas.rowAreasKm2(grid);
        Map<String, BigDecimal> expected = new TreeMap<>();
        String[] zoneIds = {"0", "1", "2", "total"};
        for (int i = 0; i < grid.pixelCount(); i++) {
            int z = s.zones()[i];
            if (z < 0) {
                continue;
            }
            BigDecimal a = new BigDecimal(rowArea[i / grid.width()]);
            List<String> keys = new ArrayList<>();
            keys.add("area");
            int[][] v = new int[2][];
            for (int y = 0; y < 3; y++) {
                keys.add("lc " + (2000 + new int[] {0, 15, 19}[y]) + " " + lcLabel(cls(s.lc()[y][i])));
            }
            for (int p = 0; p < 2; p++) {
                int lcStart = cls(s.lc()[p][i]);
                int lcEnd = cls(s.lc()[p + 1][i]);
                boolean water = lcStart == 7;
                int lpd = lpdClass(s.lpd()[p][i]);
                String lpdLabel = water ? "water" : lpd >= 1 && lpd <= 5 ? String.valueOf(lpd) : "nodata";
                keys.add(p + " transition " + lcLabel(lcStart) + " " + lcLabel(lcEnd));
                keys.add(p + " lpd " + lpdLabel);
                keys.add(p + " lpdByLc " + lcLabel(lcEnd) + " " + lpdLabel);
                int l = water ? NaiveMethod.WATER : NaiveMethod.landCover(lcStart, lcEnd);
                int pr = water ? NaiveMethod.WATER : NaiveMethod.productivity(lpd);
                int c = water ? NaiveMethod.WATER : NaiveMethod.soc(s.soc()[p][i], s.soc()[p + 1][i]);
                v[p] = new int[] {NaiveMethod.combine(water, l, pr, c), l, pr, c};
            }
            for (int j = 0; j < 4; j++) {
                int st = NaiveMethod.status(v[0][j], v[1][j]);
                String sl = st == NaiveMethod.WATER ? "water" : st == NaiveMethod.ND ? "nodata" : String.valueOf(st);
                keys.add("status " + j + " " + sl);
                if (st != NaiveMethod.WATER) {
                    keys.add("cross " + j + " " + crossLabel(v[0][j]) + " " + crossLabel(v[1][j]));
                }
                if (j == 0) {
                    int type = cls(s.lc()[0][i]);
                    if (type != NaiveMethod.ND) {
                        keys.add("type " + type + " area");
                        keys.add("type " + type + " gain " + (st == 6 || st == 7 ? "yes" : "no"));
                        keys.add("type " + type + " loss " + (st == 1 || st == 2 ? "yes" : "no"));
                    }
                }
            }
            for (String k : keys) {
                expected.merge(zoneIds[z] + " | " + k, a, BigDecimal::add);
                expected.merge("total | " + k, a, BigDecimal::add);
            }
        }
        int compared = 0;
        for (int z = 0; z < 4; z++) {
            ZoneReport zr = reports[z];
            String zid = zoneIds[z] + " | ";
            close(get(expected, zid + "area"), zr.areaKm2(), zid + "area");
            for (Map.Entry<String, Map<String, Double>> y : zr.landCoverClassKm2().entrySet()) {
                for (Map.Entry<String, Double> e : y.getValue().entrySet()) {
                    close(get(expected, zid + "lc " + y.getKey() + " " + e.getKey()), e.getValue(), zid + "lc");
                    compared++;
                }
            }
            for (int p = 0; p < 2; p++) {
                PeriodReport pr = zr.periods().get(p);
                for (Map.Entry<String, Map<String, Double>> from : pr.lcTransitionKm2().entrySet()) {
                    for (Map.Entry<String, Double> e : from.getValue().entrySet()) {
                        String k = zid + p + " transition " + from.getKey() + " " + e.getKey();
                        close(get(expected, k), e.getValue(), k);
                        compared++;
                    }
                }
                for (Map.Entry<String, Double> e : pr.lpdClassKm2().entrySet()) {
                    close(get(expected, zid + p + " lpd " + e.getKey()), e.getValue(), zid + p + " lpd");
                    compared++;
                }
                for (Map.Entry<String, Map<String, Double>> by : pr.lpdByLandCoverKm2().entrySet()) {
                    for (Map.Entry<String, Double> e : by.getValue().entrySet()) {
                        String k = zid + p + " lpdByLc " + by.getKey() + " " + e.getKey();
                        close(get(expected, k), e.getValue(), k);
                        compared++;
                    }
                }
            }
            PeriodReport r1 = zr.periods().get(1);
            List<Map<String, Double>> status = List.of(r1.status7Km2(), r1.statusLandCover().status7Km2(),
                    r1.statusProductivity().status7Km2(), r1.statusSoc().status7Km2());
            List<Map<String, Map<String, Double>>> cross = List.of(r1.crossTableKm2(),
                    r1.statusLandCover().crossTableKm2(), r1.statusProductivity().crossTableKm2(),
                    r1.statusSoc().crossTableKm2());
            for (int j = 0; j < 4; j++) {
                for (Map.Entry<String, Double> e : status.get(j).entrySet()) {
                    String k = zid + "status " + j + " " + e.getKey();
                    close(get(expected, k), e.getValue(), k);
                    compared++;
                }
                for (Map.Entry<String, Map<String, Double>> b : cross.get(j).entrySet()) {
                    for (Map.Entry<String, Double> e : b.getValue().entrySet()) {
                        String k = zid + "cross " + j + " " + b.getKey() + " " + e.getKey();
                        close(get(expected, k), e.getValue(), k);
                        compared++;
                    }
                }
            }
            for (int type = 1; type <= 7; type++) {
                var balance = r1.ldnByLandType().types().get(String.valueOf(type));
                BigDecimal area = get(expected, zid + "type " + type + " area");
                assertEquals(area.signum() > 0 || z == 3, balance != null, zid + "land type " + type + " listed");
                if (balance != null) {
                    close(get(expected, zid + "type " + type + " gain yes"), balance.gainsKm2(), zid + "gains");
                    close(get(expected, zid + "type " + type + " loss yes"), balance.lossesKm2(), zid + "losses");
                    compared++;
                }
            }
        }
        assertTrue(compared > 1000, "compared " + compared + " figures");
    }

    private static BigDecimal get(Map<String, BigDecimal> m, String key) {
        return m.getOrDefault(key, BigDecimal.ZERO);
    }

    private static String lcLabel(int cls) {
        return cls == NaiveMethod.ND ? "nodata" : String.valueOf(cls);
    }

    private static String crossLabel(int cls) {
        return cls == -1 || cls == 0 || cls == 1 ? String.valueOf(cls) : "nodata";
    }

    private static int cls(double v) {
        return Double.isNaN(v) ? NaiveMethod.ND : (int) v;
    }

    private static int lpdClass(double v) {
        return Double.isNaN(v) ? NaiveMethod.ND : (int) v;
    }

    private static void close(BigDecimal expected, double actual, String what) {
        double e = expected.doubleValue();
        assertEquals(e, actual, Math.max(1e-9, Math.abs(e) * 1e-12), what);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void identicalForAnyTileSizeAndThreadCount(long seed) {
        Synthetic s = synthetic(geographic(131, 97), seed, 4);
        ZoneReport[] reference = run(s.inputs(), 1000, 1);
        for (int tile : new int[] {7, 64, 256}) {
            for (int threads : new int[] {1, 2}) {
                ZoneReport[] other = run(s.inputs(), tile, threads);
                for (int z = 0; z < reference.length; z++) {
                    assertEquals(reference[z], other[z], "tile " + tile + ", threads " + threads + ", zone " + z);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void areasAddUp(long seed) {
        Synthetic s = synthetic(geographic(53, 41), seed, 3);
        for (ZoneReport zr : run(s.inputs(), 16, 2)) {
            for (PeriodReport p : zr.periods()) {
                for (AreaSummary a : new AreaSummary[] {p.sdg(), p.landCover(), p.productivity(), p.soc()}) {
                    double sum = a.improvedKm2() + a.stableKm2() + a.degradedKm2() + a.noDataKm2() + a.waterKm2();
                    assertEquals(zr.areaKm2(), sum, zr.areaKm2() * 1e-12, zr.id() + " " + p.name());
                }
                double lpd = p.lpdClassKm2().values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(zr.areaKm2(), lpd, zr.areaKm2() * 1e-12);
                double tr = p.lcTransitionKm2().values().stream().flatMap(m -> m.values().stream())
                        .mapToDouble(Double::doubleValue).sum();
                assertEquals(zr.areaKm2(), tr, zr.areaKm2() * 1e-12);
            }
        }
    }

    @Test
    void aZonesFiguresDoNotDependOnOtherZones() {
        Synthetic s = synthetic(geographic(60, 40), 31, 3);
        int[] onlyFirst = s.zones().clone();
        for (int i = 0; i < onlyFirst.length; i++) {
            onlyFirst[i] = onlyFirst[i] == 0 ? 0 : -1;
        }
        EngineInputs in = s.inputs();
        EngineInputs single = new EngineInputs(in.grid(), new ArrayZoneSource(in.grid(), onlyFirst, List.of("Z0"),
                List.of("Z0")), in.periods(), in.subIndicators(), in.legend(), in.landCover(), in.matrices(),
                new int[1], in.lpd(), in.soc(), 10, null, Map.of());
        assertEquals(run(in, 32, 2)[0], run(single, 17, 1)[0]);
    }

    @Test
    void handCheckedRunOnFourPixels() {
        // 2×2 equal-area grid of 1 km² pixels, one zone.
        Grid g = new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 2, 2);
        // pixel 0: forest→forest, LPD 4, SOC 50→50: stable
        // pixel 1: forest→cropland (−1), LPD 5 (+1), SOC 50→60 (+1, +20 %): degraded (one out, all out)
        // pixel 2: water in 2000: water
        // pixel 3: grass→forest (+1), LPD 3, SOC 40→36 (exactly −10 %): degraded
        TreeMap<Integer, RasterSource> lc = new TreeMap<>(Map.of(
                2000, ArrayRasterSource.ofInts("lc2000", g, 0, 1, 1, 7, 2),
                2015, ArrayRasterSource.ofInts("lc2015", g, 0, 1, 3, 7, 1)));
        Map<Integer, RasterSource> soc = Map.of(
                2000, ArrayRasterSource.ofInts("soc2000", g, -1, 50, 50, 10, 40),
                2015, ArrayRasterSource.ofInts("soc2015", g, -1, 50, 60, 10, 36));
        EngineInputs in = new EngineInputs(g, new ArrayZoneSource(g, new int[4], List.of("A"), List.of("Zone A")),
                List.of(new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2015)),
                EnumSet.allOf(SubIndicator.class), Legend.unccd(), lc, List.of(TransitionMatrix.defaults()),
                new int[1], Map.of("baseline", ArrayRasterSource.ofInts("lpd", g, 0, 4, 5, 4, 3)),
                new SocInput.Supplied(soc), 10, null, Map.of());
        ZoneReport z = run(in, 1, 1)[0];
        AreaSummary sdg = z.periods().get(0).sdg();
        assertEquals(new AreaSummary(0, 1, 2, 0, 1, 3, 2 / 3.0, 2 / 3.0, null, null), sdg);
        AreaSummary socSummary = z.periods().get(0).soc();
        assertEquals(1, socSummary.improvedKm2());
        assertEquals(1, socSummary.degradedKm2());
        assertEquals(1, z.periods().get(0).lcTransitionKm2().get("1").get("3"));
        assertEquals(1, z.periods().get(0).lpdClassKm2().get("water"));
        // SOC stock 2000: (50 + 50) t/ha × 100 ha on forest, 10 × 100 on water, 40 × 100 on grassland
        assertEquals(10000, z.socStockTonnes().get("2000").byLandCoverClass().get("1"));
        assertEquals(15000, z.socStockTonnes().get("2000").total());
        assertEquals(4, z.areaKm2());
        assertNull(z.periods().get(0).status7Km2(), "the baseline has no status");
    }

    @Test
    void unknownCodesAndMissingYearsAreInputErrors() {
        Grid g = new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 2, 1);
        TreeMap<Integer, RasterSource> lc = new TreeMap<>(Map.of(
                2000, ArrayRasterSource.ofInts("lc_2000.tif", g, 0, 1, 9),
                2015, ArrayRasterSource.ofInts("lc_2015.tif", g, 0, 1, 1)));
        EngineInputs in = new EngineInputs(g, new ArrayZoneSource(g, new int[2], List.of("A"), List.of("A")),
                List.of(new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2015)), EnumSet.of(SubIndicator.LAND_COVER),
                Legend.unccd(), lc, List.of(TransitionMatrix.defaults()), new int[1], Map.of(), null, 10, null, Map.of());
        InputException e = assertThrows(InputException.class, () -> run(in, 64, 1));
        assertEquals("lc_2000.tif: land-cover value 9 at pixel (col 1, row 0) is not a code of the legend 'unccd'"
                + " (add it to the legend with its UNCCD class, or declare it nodata)", e.getMessage());
        EngineInputs missing = new EngineInputs(g, in.zones(),
                List.of(new Period("baseline", 2000, 2019, 2000, 2015, 2000, 2015)), in.subIndicators(), in.legend(),
                lc, in.matrices(), new int[1], Map.of(), null, 10, null, Map.of());
        e = assertThrows(InputException.class, () -> run(missing, 64, 1));
        assertEquals("land cover: no map for 2019 (period baseline needs it; given: [2000, 2015])", e.getMessage());
    }

    @Test
    void onlyTheNamedSubIndicatorsAreCombined() {
        Synthetic s = synthetic(geographic(20, 10), 41, 1);
        EngineInputs in = s.inputs();
        EngineInputs lcOnly = new EngineInputs(in.grid(), in.zones(), in.periods(), EnumSet.of(SubIndicator.LAND_COVER),
                in.legend(), in.landCover(), in.matrices(), in.matrixOfZone(), Map.of(), null, 10, null, Map.of());
        ZoneReport z = run(lcOnly, 8, 1)[0];
        PeriodReport p = z.periods().get(0);
        assertEquals(List.of("landCover"), p.combinedFrom());
        assertNull(p.productivity());
        assertNull(p.soc());
        assertNotNull(p.landCover());
        assertEquals(p.landCover(), p.sdg());
        assertTrue(z.socStockTonnes() == null);
    }
}
