package org.ldn.core.engine;

import java.util.List;
import java.util.Map;
import org.ldn.core.InputException;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;
import org.ldn.core.indicator.OneOutAllOut;
import org.ldn.core.indicator.Status;
import org.ldn.core.landcover.LandCoverDegradation;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.productivity.LpdClasses;
import org.ldn.core.productivity.UnitHistograms;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.soc.ClimateFactor;
import org.ldn.core.soc.SocDegradation;
import org.ldn.core.soc.SocModel;

/**
 * Processes one window at a time for one thread: reads every input once, runs the kernels of every period, tallies
 * by zone and hands map tiles to the sinks. Holds its own buffers (sized for the largest tile) and its own
 * {@link ZoneTally}; never shared between threads.
 */
final class TileWorker {
    private final RunPlan plan;
    private final EngineInputs in;
    private final TallyLayout layout;
    private final AreaScale scale;
    private final ZoneTally tally;
    private final TransitionMatrix[] matrices;
    private final byte[] lookup;

    private final int[] zone;
    private final double[] tmp;
    private final byte[] group;
    private final short[][] lc;
    private final short[][] lpd;
    private final double[][] soc;
    private final double[] climate;
    private final short[][][] sub; // [period][indicator 0 sdg, 1 lc, 2 prod, 3 soc][pixel]
    private final short[][][] status; // [period][indicator][pixel], reporting periods only
    private final int[] landType;
    private final double[][] population;
    private final ComputedProductivity computed;

    /** @param p90 the performance p90 of each period when LPD is computed from a series, else {@code null} */
    TileWorker(RunPlan plan, int maxPixels, UnitHistograms.P90[] p90) {
        this.plan = plan;
        this.in = plan.inputs();
        this.layout = plan.layout();
        this.scale = plan.scale();
        this.tally = new ZoneTally(in.zones().zoneCount(), layout.keys, layout.valueKeys);
        this.matrices = in.matrices().toArray(new TransitionMatrix[0]);
        this.lookup = in.legend().lookupTable();
        int n = maxPixels;
        int periods = in.periods().size();
        zone = new int[n];
        tmp = new double[n];
        group = matrices.length > 1 ? new byte[n] : null;
        lc = new short[plan.lcYears().size()][n];
        lpd = new short[periods][];
        for (int p = 0; p < periods; p++) {
            lpd[p] = plan.hasLpd(p) ? new short[n] : null;
        }
        soc = new double[plan.socYears().size()][n];
        climate = in.soc() instanceof SocInput.Modelled m && m.climateZones() != null ? new double[n] : null;
        sub = new short[periods][4][n];
        status = new short[periods][4][];
        for (int p = 1; p < periods; p++) {
            for (int j = 0; j < 4; j++) {
                status[p][j] = new short[n];
            }
        }
        landType = new int[n];
        population = new double[in.population().size()][n];
        computed = plan.series() != null
                ? new ComputedProductivity(plan.series(), lc.length, periods, n, p90) : null;
    }

    ZoneTally tally() {
        return tally;
    }

    void process(Window w, MapWriter maps) {
        int n = w.length();
        in.zones().fill(w, zone);
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (zone[i] >= 0) {
                any = true;
                break;
            }
        }
        if (!any) {
            maps.writeNoData(w);
            return;
        }
        readLandCover(w, n);
        readProductivity(w, n);
        readSoc(w, n);
        readLandTypes(w, n);
        readPopulation(w, n);
        for (int p = 0; p < in.periods().size(); p++) {
            computePeriod(p, n);
        }
        tallyTile(w);
        maps.write(w, sub, status, computed == null ? null : computed.metrics,
                computed == null ? null : computed.lpdMap);
    }

    private void readMasked(RasterSource src, int band, Window w, double[] out, int n) {
        src.read(band, w, out);
        for (int i = 0; i < n; i++) {
            if (zone[i] < 0) {
                out[i] = Double.NaN;
            }
        }
    }

    private void readLandCover(Window w, int n) {
        List<Integer> years = plan.lcYears();
        for (int j = 0; j < years.size(); j++) {
            double[] codes = computed != null && computed.codes(j) != null ? computed.codes(j) : tmp;
            LandCoverTile.read(in.landCover().get(years.get(j)), in.legend(), lookup, w, zone, codes, lc[j], n);
            if (in.landCoverNoise() != null) {
                in.landCoverNoise().apply(lc[j], j, w, in.grid().width(), n);
            }
        }
        if (group != null) {
            int[] mz = in.matrixOfZone();
            for (int i = 0; i < n; i++) {
                group[i] = zone[i] >= 0 ? (byte) mz[zone[i]] : 0;
            }
        }
    }

    private void readProductivity(Window w, int n) {
        if (computed != null) {
            computed.read(w, zone, n);
            for (int p = 0; p < lpd.length; p++) {
                computed.compute(p, lc, w, n, lpd[p]);
            }
            return;
        }
        for (int p = 0; p < lpd.length; p++) {
            RasterSource src = plan.lpdSource(p);
            if (src == null) {
                continue;
            }
            readMasked(src, 0, w, tmp, n);
            int bad = LpdClasses.validate(tmp, lpd[p], n);
            if (bad != LpdClasses.ALL_VALID) {
                throw new InputException(src.name() + ": value " + format(tmp[bad]) + " at pixel " + pixel(w, bad)
                        + " is not an LPD class (1..5, or 0 and 15 for nodata)");
            }
        }
    }

    private void readSoc(Window w, int n) {
        List<Integer> years = plan.socYears();
        if (years.isEmpty()) {
            return;
        }
        if (in.soc() instanceof SocInput.Supplied s) {
            for (int k = 0; k < years.size(); k++) {
                RasterSource src = s.stocks().get(years.get(k));
                readMasked(src, 0, w, soc[k], n);
                checkStock(src, w, soc[k], n);
            }
        } else if (in.soc() instanceof SocInput.Modelled m) {
            readMasked(m.initial(), 0, w, tmp, n);
            checkStock(m.initial(), w, tmp, n);
            if (climate != null) {
                readMasked(m.climateZones(), 0, w, climate, n);
                ClimateFactor.fromZones(climate, n);
            }
            SocModel.run(tmp, climate, m.climateFactor(), m.initialYear(), plan.lcYearArray(), lc,
                    plan.socYearArray(), soc, n);
        }
    }

    private static void checkStock(RasterSource src, Window w, double[] v, int n) {
        for (int i = 0; i < n; i++) {
            if (v[i] < 0 || Double.isInfinite(v[i])) {
                throw new InputException(src.name() + ": SOC stock " + format(v[i]) + " at pixel " + pixel(w, i)
                        + " is negative or infinite (stocks are t C/ha >= 0; mark missing values as nodata)");
            }
        }
    }

    private void readLandTypes(Window w, int n) {
        RasterSource src = in.landTypes();
        if (in.periods().size() < 2) {
            return;
        }
        if (src == null && !plan.hasLandCover()) {
            java.util.Arrays.fill(landType, 0, n, -1); // no land types without a land-type map or land cover
            return;
        }
        if (src == null) {
            short[] base = lc[plan.lcIndex(in.baseline().landCoverStart())];
            for (int i = 0; i < n; i++) {
                landType[i] = base[i] == Classes.NODATA ? -1 : plan.landTypeCodes().index(base[i]);
            }
            return;
        }
        readMasked(src, 0, w, tmp, n);
        for (int i = 0; i < n; i++) {
            double v = tmp[i];
            if (Double.isNaN(v)) {
                landType[i] = -1;
            } else if (v != Math.rint(v) || v < 0 || v > LandTypeCodes.MAX_CODE) {
                throw new InputException(src.name() + ": land type " + format(v) + " at pixel " + pixel(w, i)
                        + " is not a whole number in 0.." + LandTypeCodes.MAX_CODE);
            } else {
                landType[i] = plan.landTypeCodes().index((int) v);
            }
        }
    }

    private void readPopulation(Window w, int n) {
        int s = 0;
        for (Map.Entry<String, RasterSource> e : plan.populationSeries()) {
            RasterSource src = e.getValue();
            readMasked(src, 0, w, population[s], n);
            for (int i = 0; i < n; i++) {
                double v = population[s][i];
                if (v < 0 || Double.isInfinite(v)) {
                    throw new InputException(src.name() + ": population " + format(v) + " at pixel " + pixel(w, i)
                            + " is negative or infinite");
                }
            }
            s++;
        }
    }

    private void computePeriod(int p, int n) {
        Period period = in.periods().get(p);
        short[][] s = sub[p];
        short[] lcStart = plan.hasLandCover() ? lc[plan.lcIndex(period.landCoverStart())] : null;
        int used = 0;
        short[][] combine = new short[3][];
        if (in.uses(SubIndicator.LAND_COVER)) {
            LandCoverDegradation.apply(lcStart, lc[plan.lcIndex(period.landCoverEnd())], matrices, group, s[1], n);
            mask(lcStart, s[1], n);
            combine[used++] = s[1];
        }
        if (in.uses(SubIndicator.PRODUCTIVITY)) {
            LpdClasses.toThreeClasses(lpd[p], s[2], n);
            mask(lcStart, s[2], n);
            combine[used++] = s[2];
            if (computed != null) {
                computed.maskWater(p, lcStart, n);
            }
        }
        if (in.uses(SubIndicator.SOC)) {
            SocDegradation.apply(soc[plan.socIndex(period.socStart())], soc[plan.socIndex(period.socEnd())],
                    in.socThresholdPercent(), s[3], n);
            mask(lcStart, s[3], n);
            combine[used++] = s[3];
        }
        short[][] inputs = new short[used][];
        System.arraycopy(combine, 0, inputs, 0, used);
        OneOutAllOut.combine(inputs, s[0], n);
        if (p > 0) {
            short[][] b = sub[0];
            for (int j = 0; j < 4; j++) {
                if (j == 0 || in.uses(SubIndicator.values()[j - 1])) {
                    Status.apply(b[j], s[j], status[p][j], n);
                }
            }
        }
    }

    private static void mask(short[] lcStart, short[] classes, int n) {
        if (lcStart != null) {
            OneOutAllOut.maskWater(lcStart, classes, n);
        }
    }

    private void tallyTile(Window w) {
        int width = w.width();
        int periods = in.periods().size();
        int lcYears = lc.length;
        int socYears = soc.length;
        boolean[] usesInd = {true, in.uses(SubIndicator.LAND_COVER), in.uses(SubIndicator.PRODUCTIVITY),
            in.uses(SubIndicator.SOC)};
        int[] lcOfSocYear = plan.lcIndexOfSocYear();
        int[] periodLcStart = new int[periods];
        int[] periodLcEnd = new int[periods];
        for (int p = 0; p < periods; p++) {
            if (plan.hasLandCover()) {
                periodLcStart[p] = plan.lcIndex(in.periods().get(p).landCoverStart());
                periodLcEnd[p] = plan.lcIndex(in.periods().get(p).landCoverEnd());
            }
        }
        ZoneTally t = tally;
        TallyLayout l = layout;
        for (int r = 0; r < w.height(); r++) {
            long area = scale.rowFixed(w.row() + r);
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                int z = zone[i];
                if (z < 0) {
                    continue;
                }
                t.add(z, TallyLayout.ZONE_AREA, area);
                for (int j = 0; j < lcYears; j++) {
                    t.add(z, l.landCover(j) + TallyLayout.lcKey(lc[j][i]), area);
                }
                for (int k = 0; k < socYears; k++) {
                    double v = soc[k][i];
                    if (Double.isNaN(v)) {
                        t.add(z, l.socNoData(k), area);
                    } else {
                        int cls = lcOfSocYear[k] < 0 ? 7 : TallyLayout.lcKey(lc[lcOfSocYear[k]][i]);
                        t.addValue(z, l.socValue(k, cls), v, area);
                    }
                }
                for (int p = 0; p < periods; p++) {
                    int base = l.period(p);
                    short[][] s = sub[p];
                    short sdg = s[0][i];
                    t.add(z, base + TallyLayout.SDG + TallyLayout.classKey(sdg), area);
                    for (int j = 1; j < 4; j++) {
                        if (usesInd[j]) {
                            t.add(z, base + TallyLayout.SDG + j * TallyLayout.CLASS_KEYS
                                    + TallyLayout.classKey(s[j][i]), area);
                        }
                    }
                    int startKey = 7;
                    int endKey = 7;
                    boolean water = false;
                    if (plan.hasLandCover()) {
                        short a = lc[periodLcStart[p]][i];
                        startKey = TallyLayout.lcKey(a);
                        endKey = TallyLayout.lcKey(lc[periodLcEnd[p]][i]);
                        water = a == 7;
                        t.add(z, base + TallyLayout.TRANSITION + startKey * TallyLayout.LC_KEYS + endKey, area);
                    }
                    if (lpd[p] != null) {
                        short v = lpd[p][i];
                        int key = water ? 6 : v >= 1 && v <= 5 ? v - 1 : 5;
                        t.add(z, base + TallyLayout.LPD + key, area);
                        t.add(z, base + TallyLayout.LPD_BY_LC + endKey * TallyLayout.LPD_KEYS + key, area);
                    }
                    if (computed != null) {
                        short[][] m = computed.metrics[p];
                        for (int k = 0; k < 3; k++) {
                            t.add(z, base + TallyLayout.METRICS + k * TallyLayout.CLASS_KEYS
                                    + TallyLayout.classKey(m[k][i]), area);
                        }
                    }
                    for (int sIdx = 0; sIdx < population.length; sIdx++) {
                        double v = population[sIdx][i];
                        if (!Double.isNaN(v)) {
                            t.addValue(z, l.population(p, sIdx, TallyLayout.classKey(sdg)), v, 1);
                        }
                    }
                    if (p > 0) {
                        for (int j = 0; j < 4; j++) {
                            if (!usesInd[j]) {
                                continue;
                            }
                            short st = status[p][j][i];
                            int sb = l.status(p, j);
                            int key = st >= 1 && st <= 7 ? st - 1 : st == Classes.WATER ? 8 : 7;
                            t.add(z, sb + key, area);
                            if (st != Classes.WATER) {
                                short bj = sub[0][j][i];
                                int bk = bj == Classes.WATER ? 3 : TallyLayout.crossKey(bj);
                                t.add(z, sb + TallyLayout.STATUS_KEYS + bk * 4 + TallyLayout.crossKey(s[j][i]), area);
                            }
                        }
                        short st = status[p][0][i];
                        int lt = landType[i];
                        if (lt >= 0) {
                            t.add(z, l.landTypeArea(p, lt), area);
                        }
                        if (lt >= 0 && (st == 6 || st == 7)) {
                            t.add(z, l.landType(p, lt, true), area);
                        } else if (lt >= 0 && (st == 1 || st == 2)) {
                            t.add(z, l.landType(p, lt, false), area);
                        }
                    }
                }
            }
        }
    }

    static String pixel(Window w, int i) {
        return "(col " + (w.col() + i % w.width()) + ", row " + (w.row() + i / w.width()) + ")";
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
