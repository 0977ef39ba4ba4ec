package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
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
import org.ldn.core.indicator.Classes;
import org.ldn.core.landcover.Legend;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.productivity.CriticalValues;
import org.ldn.core.productivity.MannKendallNull;
import org.ldn.core.productivity.ProductivityScale;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.zone.ArrayZoneSource;

class ProductivityEngineTest {
    private static final CrsInfo EQUAL_AREA = new CrsInfo("test equal-area", "PROJCRS[\"test\"]", null, false, true);
    private static final int FIRST = 2000;
    private static final int YEARS = 20; // 2000..2019
    private static final int[] LC_YEARS = {2000, 2004, 2015, 2019};
    /** ESA CCI codes: 10 and 11 are both cropland (distinct land units), 30 cropland, 130 grassland, 210 water. */
    private static final int[] LC_CODES = {10, 11, 30, 130, 210, 0};

    /** A random run whose series hits the method's ties often; {@code values[year][pixel]} stored NDVI × 10000. */
    record Synthetic(Grid grid, int[] zones, double[][] values, double[][] lc, double[] units, EngineInputs inputs) {
    }

    static List<Period> periods() {
        return List.of(new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2015),
                new Period("reporting1", 2015, 2019, 2015, 2019, 2004, 2019));
    }

    static Synthetic synthetic(Grid grid, long seed, boolean monthly) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = (int) grid.pixelCount();
        int[] zones = new int[n];
        double[][] v = new double[YEARS][n];
        double[][] lc = new double[LC_YEARS.length][n];
        double[] units = new double[n];
        for (int i = 0; i < n; i++) {
            zones[i] = rnd.nextInt(4) - 1;
            units[i] = rnd.nextInt(12) == 0 ? Double.NaN : rnd.nextInt(2) * 7 + 1;
            for (int j = 0; j < LC_YEARS.length; j++) {
                lc[j][i] = j > 0 && rnd.nextInt(3) > 0 ? lc[j - 1][i] : LC_CODES[rnd.nextInt(LC_CODES.length)];
                if (lc[j][i] == 0) {
                    lc[j][i] = Double.NaN;
                }
            }
            int kind = rnd.nextInt(5);
            int base = rnd.nextInt(2000, 8000);
            int[] slopes = {-11, -10, -9, 0, 9, 10, 11, 150, -150};
            int slope = slopes[rnd.nextInt(slopes.length)];
            int[] diffs = {-101, -100, -99, 99, 100, 101, 1000, -1000};
            int d1 = diffs[rnd.nextInt(diffs.length)];
            int d2 = diffs[rnd.nextInt(diffs.length)];
            boolean gaps = rnd.nextInt(6) == 0;
            for (int y = 0; y < YEARS; y++) {
                double x = switch (kind) {
                    case 0 -> rnd.nextInt(-500, 10001);
                    case 1 -> base + slope * y;
                    case 2 -> y < 13 ? base : y < 16 ? base + d1 : base + d2;
                    case 3 -> 1000 * rnd.nextInt(4);
                    default -> Double.NaN;
                };
                v[y][i] = gaps && rnd.nextInt(4) == 0 ? Double.NaN : x;
            }
        }
        TreeMap<Integer, RasterSource> lcMaps = new TreeMap<>();
        for (int j = 0; j < LC_YEARS.length; j++) {
            lcMaps.put(LC_YEARS[j], new ArrayRasterSource("lc" + LC_YEARS[j], grid, SampleType.UINT8, lc[j]));
        }
        ProductivitySeries series = monthly ? monthlySeries(grid, v, rnd) : annualSeries(grid, v);
        EngineInputs in = inputs(grid, zones, 3, lcMaps, series(series, new ArrayRasterSource("units", grid,
                SampleType.INT16, units)));
        return new Synthetic(grid, zones, v, lc, units, in);
    }

    static ProductivitySeries annualSeries(Grid grid, double[][] v) {
        RasterSource stack = new ArrayRasterSource("ndvi_stack", grid, SampleType.INT16, v);
        TreeMap<Integer, ProductivitySeries.YearBands> years = new TreeMap<>();
        for (int y = 0; y < v.length; y++) {
            years.put(FIRST + y, new ProductivitySeries.YearBands(stack, y));
        }
        return new ProductivitySeries(years, ProductivityScale.of(0.0001), CriticalValues.Table.EXACT, null, false);
    }

    /** Every month equals the year's value, except some missing months: the mean of the valid months is the value. */
    static ProductivitySeries monthlySeries(Grid grid, double[][] v, SplittableRandom rnd) {
        int n = (int) grid.pixelCount();
        double[][] months = new double[v.length * 12][n];
        for (int y = 0; y < v.length; y++) {
            for (int i = 0; i < n; i++) {
                int missing = rnd.nextInt(12);
                for (int m = 0; m < 12; m++) {
                    months[y * 12 + m][i] = m == missing && rnd.nextBoolean() ? Double.NaN : v[y][i];
                }
            }
        }
        RasterSource stack = new ArrayRasterSource("ndvi_monthly", grid, SampleType.INT16, months);
        TreeMap<Integer, ProductivitySeries.YearBands> years = new TreeMap<>();
        for (int y = 0; y < v.length; y++) {
            years.put(FIRST + y, new ProductivitySeries.YearBands(stack, 12 * y));
        }
        return new ProductivitySeries(years, ProductivityScale.of(0.0001), CriticalValues.Table.EXACT, null, true);
    }

    static ProductivitySeries series(ProductivitySeries s, RasterSource units) {
        return new ProductivitySeries(s.years(), s.scale(), s.criticalValues(), units, s.monthly());
    }

    static EngineInputs inputs(Grid grid, int[] zones, int zoneCount, TreeMap<Integer, RasterSource> lc,
            ProductivitySeries series) {
        List<String> ids = new ArrayList<>();
        for (int z = 0; z < zoneCount; z++) {
            ids.add("Z" + z);
        }
        return new EngineInputs(grid, new ArrayZoneSource(grid, zones, ids, ids), periods(),
                EnumSet.of(SubIndicator.LAND_COVER, SubIndicator.PRODUCTIVITY), Legend.esaCci(), lc,
                List.of(TransitionMatrix.defaults()), new int[zoneCount], Map.of(), null, 10, null, Map.of(), series);
    }

    static EngineResult run(EngineInputs in, MapOutputs maps, int tile, int threads) {
        return Engine.run(in, maps, new EngineOptions(tile, threads, null));
    }

    static ZoneReport[] reports(EngineResult r) {
        ReportTables t = new ReportTables(r, Map.of());
        List<ZoneReport> z = new ArrayList<>(t.zones());
        z.add(t.total());
        return z.toArray(new ZoneReport[0]);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void mapsEqualTheNaiveMethodPixelByPixel(long seed) {
        Grid grid = new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 41, 29);
        Synthetic s = synthetic(grid, seed, seed == 3);
        MemoryMaps maps = new MemoryMaps(grid);
        run(s.inputs(), maps, 16, 2);
        int n = (int) grid.pixelCount();
        BigDecimal scale = new BigDecimal("0.0001");
        Map<Integer, Integer> k95 = new HashMap<>();
        List<Period> periods = periods();
        for (int p = 0; p < periods.size(); p++) {
            Period period = periods.get(p);
            int from = period.productivityFirst() - FIRST;
            int years = period.productivityLast() - period.productivityFirst() + 1;
            int unitLc = indexOf(LC_YEARS, p == 0 ? 2000 : 2004); // latest map not after the first productivity year
            int startLc = indexOf(LC_YEARS, period.landCoverStart());
            double[][] x = new double[n][years];
            Map<String, List<BigDecimal>> byUnit = new HashMap<>();
            String[] unit = new String[n];
            for (int i = 0; i < n; i++) {
                for (int y = 0; y < years; y++) {
                    x[i][y] = s.values()[from + y][i];
                }
                double code = s.lc()[unitLc][i];
                unit[i] = Double.isNaN(code) || Double.isNaN(s.units()[i]) ? null : code + "/" + s.units()[i];
                BigDecimal m = NaiveProductivity.roundedMean(x[i], scale);
                if (s.zones()[i] >= 0 && unit[i] != null && m != null) {
                    byUnit.computeIfAbsent(unit[i], u -> new ArrayList<>()).add(m);
                }
            }
            short[] traj = maps.get(period.name(), MapKind.TRAJECTORY);
            short[] state = maps.get(period.name(), MapKind.STATE);
            short[] perf = maps.get(period.name(), MapKind.PERFORMANCE);
            short[] lpd = maps.get(period.name(), MapKind.LPD);
            for (int i = 0; i < n; i++) {
                String what = "period " + period.name() + " pixel " + i;
                if (s.zones()[i] < 0) {
                    assertEquals(Classes.NODATA, lpd[i], what);
                    continue;
                }
                int t = NaiveProductivity.trajectory(x[i], scale,
                        c -> k95.computeIfAbsent(c, k -> MannKendallNull.upperCriticalValue(k, 1, 40)));
                int st = NaiveProductivity.state(x[i], scale);
                BigDecimal p90 = unit[i] == null ? null : NaiveProductivity.p90(byUnit.get(unit[i]));
                int pf = NaiveProductivity.performance(x[i], scale, p90);
                int l = NaiveProductivity.lpd(t, st, pf);
                boolean water = s.lc()[startLc][i] == 210;
                assertEquals(water ? Classes.WATER : code(t), traj[i], what + " trajectory");
                assertEquals(water ? Classes.WATER : code(st), state[i], what + " state");
                assertEquals(water ? Classes.WATER : code(pf), perf[i], what + " performance");
                assertEquals(water ? Classes.WATER : code(l), lpd[i], what + " lpd");
            }
        }
    }

    private static short code(int naive) {
        return naive == NaiveMethod.ND ? Classes.NODATA : (short) naive;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void identicalForAnyTileSizeAndThreadCount(long seed) {
        Grid grid = new Grid(CrsInfo.WGS84, 20, 10, 0.25, -0.25, 67, 43);
        Synthetic s = synthetic(grid, seed, seed == 12);
        MemoryMaps refMaps = new MemoryMaps(grid);
        ZoneReport[] reference = reports(run(s.inputs(), refMaps, 1000, 1));
        for (int tile : new int[] {5, 16, 64}) {
            for (int threads : new int[] {1, 2}) {
                MemoryMaps maps = new MemoryMaps(grid);
                ZoneReport[] other = reports(run(s.inputs(), maps, tile, threads));
                for (int z = 0; z < reference.length; z++) {
                    assertEquals(reference[z], other[z], "tile " + tile + ", threads " + threads + ", zone " + z);
                }
                for (Period p : periods()) {
                    for (MapKind k : MapKind.values()) {
                        short[] a = refMaps.get(p.name(), k);
                        if (a != null) {
                            assertArrayEquals(a, maps.get(p.name(), k), p.name() + " " + k + " tile " + tile);
                        }
                    }
                }
            }
        }
        for (ZoneReport zr : reference) {
            for (PeriodReport p : zr.periods()) {
                for (AreaSummary a : new AreaSummary[] {p.trajectory(), p.state(), p.performance(), p.productivity()}) {
                    double sum = a.improvedKm2() + a.stableKm2() + a.degradedKm2() + a.noDataKm2() + a.waterKm2();
                    assertEquals(zr.areaKm2(), sum, zr.areaKm2() * 1e-12, zr.id() + " " + p.name());
                }
                assertEquals(0, p.performance().improvedKm2(), "performance is never improved");
                double lpd = p.lpdClassKm2().values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(zr.areaKm2(), lpd, zr.areaKm2() * 1e-12);
            }
        }
    }

    @Test
    void monthlyMeansGiveTheAnnualResults() {
        // the monthly stack repeats each year's value in its valid months, so both runs must agree exactly
        Grid grid = new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 23, 19);
        Synthetic annual = synthetic(grid, 5, false);
        Synthetic monthly = synthetic(grid, 5, true);
        MemoryMaps a = new MemoryMaps(grid);
        MemoryMaps m = new MemoryMaps(grid);
        ZoneReport[] ra = reports(run(annual.inputs(), a, 8, 1));
        ZoneReport[] rm = reports(run(monthly.inputs(), m, 8, 2));
        assertArrayEquals(ra, rm);
        for (Period p : periods()) {
            assertArrayEquals(a.get(p.name(), MapKind.LPD), m.get(p.name(), MapKind.LPD));
        }
    }

    @Test
    void plantedPatchesGetTheirClasses() {
        // 30 × 20 pixels of grassland, 16 years; values NDVI × 10000. Background and "stable": ±30 around a level,
        // alternating (S = 8, far from k95(16) = 46; means within 0.01: state forced stable).
        Grid grid = new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 30, 20);
        int n = 600;
        double[][] v = new double[16][n];
        int[] kind = new int[n]; // 0 background, 1 declining, 2 increasing, 3 stable, 4 stressed
        for (int i = 0; i < n; i++) {
            int r = i / 30;
            int c = i % 30;
            kind[i] = r >= 2 && r < 8 && c >= 2 && c < 10 ? 1 : r >= 10 && r < 17 && c >= 15 && c < 26 ? 2
                    : r >= 12 && r < 19 && c >= 2 && c < 9 ? 3 : r < 5 && c >= 20 ? 4 : 0;
            for (int y = 0; y < 16; y++) {
                int wiggle = y % 2 == 0 ? -30 : 30;
                v[y][i] = switch (kind[i]) {
                    case 1 -> 7000 - 150 * y + wiggle; // −0.015 NDVI per year
                    case 2 -> 3000 + 150 * y + wiggle;
                    case 3 -> 6000 + wiggle;
                    case 4 -> 2000 + wiggle; // half of the unit's p90 or less: performance −1
                    default -> 5000 + wiggle;
                };
            }
        }
        double[] grass = new double[n];
        java.util.Arrays.fill(grass, 130);
        TreeMap<Integer, RasterSource> lc = new TreeMap<>(Map.of(2000, new ArrayRasterSource("lc2000", grid,
                SampleType.UINT8, grass), 2015, new ArrayRasterSource("lc2015", grid, SampleType.UINT8, grass)));
        double[][] stackValues = new double[16][];
        System.arraycopy(v, 0, stackValues, 0, 16);
        ProductivitySeries s = annualSeries(grid, stackValues);
        EngineInputs in = new EngineInputs(grid, new ArrayZoneSource(grid, new int[n], List.of("A"), List.of("A")),
                List.of(new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2015)),
                EnumSet.of(SubIndicator.LAND_COVER, SubIndicator.PRODUCTIVITY), Legend.esaCci(), lc,
                List.of(TransitionMatrix.defaults()), new int[1], Map.of(), null, 10, null, Map.of(), s);
        MemoryMaps maps = new MemoryMaps(grid);
        run(in, maps, 7, 2);
        short[] traj = maps.get("baseline", MapKind.TRAJECTORY);
        short[] state = maps.get("baseline", MapKind.STATE);
        short[] perf = maps.get("baseline", MapKind.PERFORMANCE);
        short[] lpd = maps.get("baseline", MapKind.LPD);
        short[] three = maps.get("baseline", MapKind.PRODUCTIVITY);
        int[] expectedTraj = {0, -1, 1, 0, 0};
        int[] expectedLpd = {-9, 1, 5, 4, 3};
        for (int i = 0; i < n; i++) {
            int k = kind[i];
            assertEquals(expectedTraj[k], traj[i], "trajectory of pixel " + i + " kind " + k);
            if (k == 0) {
                continue;
            }
            assertEquals(expectedLpd[k], lpd[i], "LPD of pixel " + i + " kind " + k);
            assertEquals(k == 1 ? -1 : k == 2 ? 1 : 0, state[i], "state of pixel " + i);
            assertEquals(k == 4 ? -1 : 0, perf[i], "performance of pixel " + i);
            assertEquals(k == 1 ? -1 : k == 2 ? 1 : 0, three[i], "3-class productivity of pixel " + i);
        }
    }

    @Test
    void performanceTieAndP90OverAllZonesOnly() {
        // 13 pixels in a row, cropland (ESA 10), constant series. Zone A: pixels 0..5, zone B: 6..11, pixel 12 in
        // no zone (mean 20000 must not count). Means (NDVI × 10000): 1000, 2000, …, 10000 and 4500, 4000 again:
        // sorted 1000 2000 3000 4000 4000 4500 5000 6000 7000 8000 9000 10000 (N = 12): h = 0.9 · 11 = 9.9,
        // p90 = 8000 + 0.9 · 1000 = 8900 → 0.89. 4450 would be exactly half; 4500/8900 > 0.5 → 0; 4000 → −1.
        Grid grid = new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 14, 1);
        double[] means = {1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 4500, 4000, 20000, 4450};
        int[] zones = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, -1, -1};
        double[][] v = new double[16][14];
        for (int y = 0; y < 16; y++) {
            v[y] = means.clone();
        }
        double[] crop = new double[14];
        java.util.Arrays.fill(crop, 10);
        TreeMap<Integer, RasterSource> lc = new TreeMap<>(Map.of(2000, new ArrayRasterSource("lc2000", grid,
                SampleType.UINT8, crop), 2015, new ArrayRasterSource("lc2015", grid, SampleType.UINT8, crop)));
        EngineInputs in = new EngineInputs(grid, new ArrayZoneSource(grid, zones, List.of("A", "B"),
                List.of("A", "B")), List.of(new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2015)),
                EnumSet.of(SubIndicator.LAND_COVER, SubIndicator.PRODUCTIVITY), Legend.esaCci(), lc,
                List.of(TransitionMatrix.defaults()), new int[2], Map.of(), null, 10, null, Map.of(),
                annualSeries(grid, v));
        MemoryMaps maps = new MemoryMaps(grid);
        run(in, maps, 3, 2);
        short[] perf = maps.get("baseline", MapKind.PERFORMANCE);
        assertArrayEquals(new short[] {-1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, -1, Classes.NODATA, Classes.NODATA},
                perf);
        // with pixel 13 in zone B as well, at 4400: 13 values 1000 2000 3000 4000 4000 4400 4500 5000 … 10000,
        // h = 0.9 · 12 = 10.8, p90 = x_10 + 0.8 · (x_11 − x_10) = 8000 + 800 = 8800; 4400 / 8800 is exactly 0.5
        means[13] = 4400;
        zones[13] = 1;
        for (int y = 0; y < 16; y++) {
            v[y] = means.clone();
        }
        EngineInputs tie = new EngineInputs(grid, new ArrayZoneSource(grid, zones, List.of("A", "B"),
                List.of("A", "B")), in.periods(), in.subIndicators(), in.legend(), lc, in.matrices(), new int[2],
                Map.of(), null, 10, null, Map.of(), annualSeries(grid, v));
        maps = new MemoryMaps(grid);
        run(tie, maps, 4, 1);
        perf = maps.get("baseline", MapKind.PERFORMANCE);
        assertEquals(-1, perf[13], "m / p90 = 4400 / 8800 = 0.5 exactly is degraded");
        assertEquals(0, perf[5], "4500 / 8800 > 0.5");
        assertEquals(-1, perf[3], "4000 / 8800 < 0.5");
    }

    @Test
    void inputErrorsNameTheProblem() {
        Grid grid = new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 4, 3);
        double[][] v = new double[10][12];
        ProductivitySeries tenYears = annualSeries(grid, v); // 2000..2009
        TreeMap<Integer, RasterSource> lc = new TreeMap<>();
        EngineInputs in = new EngineInputs(grid, new ArrayZoneSource(grid, new int[12], List.of("A"), List.of("A")),
                List.of(new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2015)),
                EnumSet.of(SubIndicator.PRODUCTIVITY), Legend.esaCci(), lc, List.of(TransitionMatrix.defaults()),
                new int[1], Map.of(), null, 10, null, Map.of(), tenYears);
        InputException e = assertThrows(InputException.class, () -> run(in, MapOutputs.NONE, 64, 1));
        assertEquals("productivity.series: no data for 2010 (period baseline needs 2000..2015; the series has"
                + " 2000..2009)", e.getMessage());
        RasterSource short12 = new ArrayRasterSource("months.tif", grid, SampleType.INT16, new double[20][12]);
        TreeMap<Integer, ProductivitySeries.YearBands> years = new TreeMap<>();
        for (int y = 2000; y <= 2015; y++) {
            years.put(y, new ProductivitySeries.YearBands(short12, 12 * (y - 2000)));
        }
        EngineInputs monthly = new EngineInputs(grid, in.zones(), in.periods(), in.subIndicators(), in.legend(), lc,
                in.matrices(), new int[1], Map.of(), null, 10, null, Map.of(), new ProductivitySeries(years,
                        ProductivityScale.ONE, CriticalValues.Table.EXACT, null, true));
        e = assertThrows(InputException.class, () -> run(monthly, MapOutputs.NONE, 64, 1));
        assertEquals("months.tif: has 20 band(s); year 2001 needs bands 13..24 (check firstYear and monthly)",
                e.getMessage());
    }

    @Test
    void yearsBetweenPeriodsMayBeAbsent() {
        // periods 2000..2005 and 2010..2015; the series has no 2006..2009: equal to the full series' results
        Grid grid = new Grid(EQUAL_AREA, 0, 0, 1000, -1000, 9, 7);
        Synthetic s = synthetic(grid, 8, false);
        List<Period> two = List.of(new Period("baseline", 2000, 2015, 2000, 2015, 2000, 2005),
                new Period("reporting1", 2015, 2019, 2015, 2019, 2010, 2015));
        ProductivitySeries full = s.inputs().series();
        TreeMap<Integer, ProductivitySeries.YearBands> holes = new TreeMap<>(full.years());
        holes.keySet().removeIf(y -> y >= 2006 && y <= 2009);
        EngineInputs a = withPeriods(s.inputs(), two, full);
        EngineInputs b = withPeriods(s.inputs(), two, new ProductivitySeries(holes, full.scale(),
                full.criticalValues(), full.landUnits(), false));
        assertArrayEquals(reports(run(a, MapOutputs.NONE, 4, 1)), reports(run(b, MapOutputs.NONE, 5, 2)));
    }

    private static EngineInputs withPeriods(EngineInputs in, List<Period> periods, ProductivitySeries series) {
        return new EngineInputs(in.grid(), in.zones(), periods, in.subIndicators(), in.legend(), in.landCover(),
                in.matrices(), in.matrixOfZone(), Map.of(), null, 10, null, Map.of(), series);
    }

    @Test
    void suppliedLpdRunsHaveNoMetrics() {
        EngineTest.Synthetic s = EngineTest.synthetic(EngineTest.geographic(10, 8), 3, 1);
        ZoneReport z = EngineTest.run(s.inputs(), 4, 1)[0];
        assertNull(z.periods().get(0).trajectory());
        assertNotNull(z.periods().get(0).productivity());
    }
}
