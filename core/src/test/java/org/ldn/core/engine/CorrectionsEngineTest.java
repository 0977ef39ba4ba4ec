package org.ldn.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.InputException;
import org.ldn.core.correction.CorrectedIndicator;
import org.ldn.core.correction.Correction;
import org.ldn.core.correction.Corrections;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.zone.ZoneShape;

/**
 * False-positive / false-negative corrections on a generated country of 1 km² pixels: rectangles of known pixel
 * counts, applied before status, ΔLDN and population; every figure is checked against a naive per-pixel
 * recomputation written here from METHOD.md (NaiveMethod) with the corrections imposed pixel by pixel.
 */
class CorrectionsEngineTest {
    private static final CrsInfo EQUAL_AREA = new CrsInfo("test equal-area", "PROJCRS[\"test\"]", null, false, true);
    private static final int W = 37;
    private static final int H = 23;
    private static final List<String> PERIODS = List.of("baseline", "reporting1");

    /** A rectangle covering exactly the pixel centres of columns c0..c1 and rows r0..r1 (inclusive). */
    private static ZoneShape rect(String id, int c0, int c1, int r0, int r1) {
        double x0 = c0 * 1000 + 100;
        double x1 = (c1 + 1) * 1000 - 100;
        double y0 = -(r0 * 1000 + 100);
        double y1 = -((r1 + 1) * 1000 - 100);
        return new ZoneShape(id, id, List.of(new double[] {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0}));
    }

    /** id, periods, indicator, class, columns and rows (inclusive) of each test correction. */
    private record Spec(String id, List<String> periods, CorrectedIndicator ind, short cls, int c0, int c1, int r0,
            int r1) {
        Correction correction() {
            return new Correction(id, periods, ind, cls, "test " + id, rect(id, c0, c1, r0, r1));
        }

        boolean covers(int col, int row) {
            return col >= c0 && col <= c1 && row >= r0 && row <= r1;
        }
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("A", List.of("reporting1"), CorrectedIndicator.PRODUCTIVITY, (short) -1, 2, 8, 3, 7),
            new Spec("B", List.of("baseline"), CorrectedIndicator.LAND_COVER, (short) 1, 10, 19, 0, 9),
            new Spec("C", List.of("baseline", "reporting1"), CorrectedIndicator.SDG, (short) 0, 20, 30, 10, 20),
            new Spec("D", List.of("reporting1"), CorrectedIndicator.SOC, (short) 1, 5, 12, 5, 12),
            new Spec("E", List.of("reporting1"), CorrectedIndicator.PRODUCTIVITY, (short) -1, 6, 14, 6, 14),
            new Spec("F", List.of("baseline"), CorrectedIndicator.SDG, (short) -1, 0, 36, 21, 22));

    private static Grid grid() {
        return new Grid(EQUAL_AREA, 0, 0, 1000, -1000, W, H);
    }

    private static Corrections corrections(Grid grid, List<Spec> specs) {
        return Corrections.build("corrections.geojson", specs.stream().map(Spec::correction).toList(), grid,
                grid.extent(), PERIODS, new boolean[] {true, true, true, true});
    }

    private static EngineInputs with(EngineInputs in, Corrections c, Map<String, RasterSource> population) {
        return new EngineInputs(in.grid(), in.zones(), in.periods(), in.subIndicators(), in.legend(), in.landCover(),
                in.matrices(), in.matrixOfZone(), in.lpd(), in.soc(), in.socThresholdPercent(), in.landTypes(),
                population, in.series(), in.landCoverNoise(), c);
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void everyDownstreamFigureEqualsANaiveRecomputationWithTheCorrections(long seed) {
        Grid grid = grid();
        EngineTest.Synthetic s = EngineTest.synthetic(grid, seed, 3);
        int n = W * H;
        double[] pop = new double[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            pop[i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(100);
        }
        Map<String, RasterSource> population = Map.of("total",
                new ArrayRasterSource("pop", grid, SampleType.FLOAT32, pop));
        EngineInputs in = with(s.inputs(), corrections(grid, SPECS), population);
        EngineResult result = Engine.run(in, MapOutputs.NONE, new EngineOptions(7, 2, null));
        ReportTables tables = new ReportTables(result, Map.of());
        List<ZoneReport> zones = new ArrayList<>(tables.zones());
        zones.add(tables.total());

        // naive: per zone (3 = total): [period][indicator][improved, stable, degraded, nodata, water] in pixels
        long[][][][] cls = new long[4][2][4][5];
        long[][] status7 = new long[4][9];
        double[][][] people = new double[4][2][5];
        Map<String, long[]> types = new TreeMap<>(); // zone|type -> {gains, losses}
        long[][][] from = new long[SPECS.size()][2][5];
        for (int i = 0; i < n; i++) {
            int z = s.zones()[i];
            if (z < 0) {
                continue;
            }
            int col = i % W;
            int row = i / W;
            int[] sdg = new int[2];
            for (int p = 0; p < 2; p++) {
                int lcStart = cls(s.lc()[p][i]);
                boolean water = lcStart == 7;
                int[] v = new int[4];
                v[1] = water ? NaiveMethod.WATER : NaiveMethod.landCover(lcStart, cls(s.lc()[p + 1][i]));
                v[2] = water ? NaiveMethod.WATER : NaiveMethod.productivity(cls(s.lpd()[p][i]));
                v[3] = water ? NaiveMethod.WATER : NaiveMethod.soc(s.soc()[p][i], s.soc()[p + 1][i]);
                for (int j = 1; j <= 3; j++) {
                    v[j] = corrected(v[j], j, p, col, row, from);
                }
                v[0] = corrected(NaiveMethod.combine(water, v[1], v[2], v[3]), 0, p, col, row, from);
                sdg[p] = v[0];
                for (int j = 0; j < 4; j++) {
                    cls[z][p][j][key(v[j])]++;
                    cls[3][p][j][key(v[j])]++;
                }
                if (!Double.isNaN(pop[i])) {
                    people[z][p][key(v[0])] += pop[i];
                    people[3][p][key(v[0])] += pop[i];
                }
            }
            int st = NaiveMethod.status(sdg[0], sdg[1]);
            int sk = st == NaiveMethod.WATER ? 8 : st == NaiveMethod.ND ? 7 : st - 1;
            status7[z][sk]++;
            status7[3][sk]++;
            int lt = cls(s.lc()[0][i]);
            String type = lt == NaiveMethod.ND ? "nodata" : String.valueOf(lt);
            for (int zz : new int[] {z, 3}) {
                long[] gl = types.computeIfAbsent(zz + "|" + type, k -> new long[2]);
                gl[0] += st == 6 || st == 7 ? 1 : 0;
                gl[1] += st == 1 || st == 2 ? 1 : 0;
            }
        }
        String[] s7 = {"1", "2", "3", "4", "5", "6", "7", "nodata", "water"};
        for (int z = 0; z < 4; z++) {
            ZoneReport zr = zones.get(z);
            for (int p = 0; p < 2; p++) {
                PeriodReport pr = zr.periods().get(p);
                AreaSummary[] got = {pr.sdg(), pr.landCover(), pr.productivity(), pr.soc()};
                for (int j = 0; j < 4; j++) {
                    long[] e = cls[z][p][j];
                    String what = zr.id() + " " + PERIODS.get(p) + " indicator " + j;
                    assertEquals(e[0], got[j].improvedKm2(), 1e-9, what + " improved");
                    assertEquals(e[1], got[j].stableKm2(), 1e-9, what + " stable");
                    assertEquals(e[2], got[j].degradedKm2(), 1e-9, what + " degraded");
                    assertEquals(e[3], got[j].noDataKm2(), 1e-9, what + " nodata");
                    assertEquals(e[4], got[j].waterKm2(), 1e-9, what + " water");
                }
                Report.Population pp = pr.population();
                double[] ep = people[z][p];
                assertEquals(ep[0], pp.improved(), 1e-6, zr.id() + " population improved");
                assertEquals(ep[1], pp.stable(), 1e-6, zr.id() + " population stable");
                assertEquals(ep[2], pp.degraded(), 1e-6, zr.id() + " population degraded");
                assertEquals(ep[3], pp.noData(), 1e-6, zr.id() + " population nodata");
                assertEquals(ep[4], pp.water(), 1e-6, zr.id() + " population water");
            }
            PeriodReport r1 = zr.periods().get(1);
            for (int k = 0; k < 9; k++) {
                assertEquals(status7[z][k], r1.status7Km2().get(s7[k]), 1e-9, zr.id() + " status " + s7[k]);
            }
            int zz = z;
            r1.ldnByLandType().types().forEach((type, b) -> {
                long[] gl = types.getOrDefault(zz + "|" + type, new long[2]);
                assertEquals(gl[0], b.gainsKm2(), 1e-9, zr.id() + " type " + type + " gains");
                assertEquals(gl[1], b.lossesKm2(), 1e-9, zr.id() + " type " + type + " losses");
            });
        }
        List<Report.CorrectionReport> reported = tables.corrections();
        assertEquals(SPECS.size(), reported.size());
        String[] labels = {"improved", "stable", "degraded", "nodata", "water"};
        for (int c = 0; c < SPECS.size(); c++) {
            Spec sp = SPECS.get(c);
            Report.CorrectionReport r = reported.get(c);
            assertEquals(sp.id(), r.id());
            assertEquals(sp.ind().key(), r.indicator());
            assertEquals(Correction.className(sp.cls()), r.toClass());
            assertEquals(sp.periods(), r.periods().stream().map(Report.CorrectionPeriod::period).toList());
            for (Report.CorrectionPeriod cp : r.periods()) {
                long[] e = from[c][PERIODS.indexOf(cp.period())];
                long changed = 0;
                for (int k = 0; k < 5; k++) {
                    assertEquals(e[k], cp.fromKm2().get(labels[k]), 1e-9, sp.id() + " " + cp.period() + " from "
                            + labels[k]);
                    changed += k == key(sp.cls()) || k == 4 ? 0 : e[k];
                }
                assertEquals(changed, cp.changedKm2(), 1e-9, sp.id() + " changed");
            }
        }
    }

    /**
     * A single combined-indicator correction moves exactly its changed area into the imposed class: the stable area
     * of the period grows by the area that was improved, degraded or nodata inside it, and each of those classes
     * shrinks by its own part; the polygon's reported area is its pixel count inside the zones.
     */
    @Test
    void aCombinedCorrectionMovesExactlyItsAreaBetweenClasses() {
        Grid grid = grid();
        EngineTest.Synthetic s = EngineTest.synthetic(grid, 41, 3);
        Spec c = SPECS.get(2); // C: sdg stable, columns 20..30, rows 10..20, both periods
        EngineInputs in = with(s.inputs(), corrections(grid, List.of(c)), Map.of());
        ReportTables before = new ReportTables(Engine.run(s.inputs(), MapOutputs.NONE,
                new EngineOptions(16, 1, null)), Map.of());
        ReportTables after = new ReportTables(Engine.run(in, MapOutputs.NONE, new EngineOptions(16, 1, null)),
                Map.of());
        long inside = 0;
        for (int row = 10; row <= 20; row++) {
            for (int col = 20; col <= 30; col++) {
                inside += s.zones()[row * W + col] >= 0 ? 1 : 0;
            }
        }
        assertTrue(inside > 50, "the rectangle lies mostly inside the zones");
        for (int p = 0; p < 2; p++) {
            AreaSummary b = before.total().periods().get(p).sdg();
            AreaSummary a = after.total().periods().get(p).sdg();
            Report.CorrectionPeriod cp = after.corrections().get(0).periods().get(p);
            Map<String, Double> f = cp.fromKm2();
            assertEquals(inside, f.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9, "polygon area");
            assertEquals(b.improvedKm2() - f.get("improved"), a.improvedKm2(), 1e-9);
            assertEquals(b.degradedKm2() - f.get("degraded"), a.degradedKm2(), 1e-9);
            assertEquals(b.noDataKm2() - f.get("nodata"), a.noDataKm2(), 1e-9);
            assertEquals(b.stableKm2() + cp.changedKm2(), a.stableKm2(), 1e-9);
            assertEquals(b.waterKm2(), a.waterKm2(), 1e-9, "water stays water");
            assertEquals(f.get("improved") + f.get("degraded") + f.get("nodata"), cp.changedKm2(), 1e-9);
        }
    }

    @Test
    void overlappingCorrectionsWithDifferentClassesAreAnErrorNamingBoth() {
        Grid grid = grid();
        List<Spec> bad = List.of(SPECS.get(0), new Spec("G", List.of("reporting1"), CorrectedIndicator.PRODUCTIVITY,
                (short) 1, 8, 9, 7, 9));
        InputException e = assertThrows(InputException.class, () -> corrections(grid, bad));
        assertEquals("corrections.geojson: corrections 'A' (degraded) and 'G' (improved) overlap on productivity in"
                + " period reporting1: 1 pixel centre lie in both, the first at x 8500.00, y -7500.00 (make them"
                + " disjoint or give them the same class)", e.getMessage());
        // the same polygons in different periods, or on different indicators, may overlap
        corrections(grid, List.of(SPECS.get(0), new Spec("G", List.of("baseline"), CorrectedIndicator.PRODUCTIVITY,
                (short) 1, 8, 9, 7, 9)));
        corrections(grid, List.of(SPECS.get(0), new Spec("G", List.of("reporting1"), CorrectedIndicator.SOC,
                (short) 1, 8, 9, 7, 9)));
    }

    private static int corrected(int v, int indicator, int p, int col, int row, long[][][] from) {
        int out = v;
        for (int c = 0; c < SPECS.size(); c++) {
            Spec sp = SPECS.get(c);
            if (sp.ind().index() == indicator && sp.periods().contains(PERIODS.get(p)) && sp.covers(col, row)) {
                from[c][p][key(v)]++;
                if (v != NaiveMethod.WATER) {
                    out = sp.cls();
                }
            }
        }
        return out;
    }

    private static int key(int v) {
        return v == 1 ? 0 : v == 0 ? 1 : v == -1 ? 2 : v == NaiveMethod.WATER ? 4 : 3;
    }

    private static int cls(double v) {
        return Double.isNaN(v) ? NaiveMethod.ND : (int) v;
    }
}
