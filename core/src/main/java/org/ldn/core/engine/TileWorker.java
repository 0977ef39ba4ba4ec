package org.ldn.core.engine;

import java.util.List;
import java.util.Map;
import org.ldn.core.InputException;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.PixelCounts;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.correction.CorrectionKernel;
import org.ldn.core.correction.Corrections;
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
    /** The land-cover map of each SOC year ({@link RunPlan#lcIndexOfSocYear}), worked out once. */
    private final int[] lcOfSocYear;
    private final EngineInputs in;
    private final TallyLayout layout;
    private final DerivedKeys derived;
    private final AreaScale scale;
    private final ZoneTally tally;
    private final PixelCounts counts;
    private final TransitionMatrix[] matrices;
    private final byte[] lookup;

    private final int[] zone;
    private final double[] tmp;
    /** The water mask of the current period's first-year land cover ({@link OneOutAllOut#waterMask}). */
    private final short[] water;
    private final byte[] group;
    private final short[][] lc;
    private final short[][] lpd;
    private final double[][] soc;
    private final double[] climate;
    private final short[][][] sub; // [period][indicator 0 sdg, 1 lc, 2 prod, 3 soc][pixel]
    private final short[][] status; // [period][pixel]: the combined indicator's, reporting periods only
    private final int[] landType;
    private final int[] zoneBase;
    private final int[] key;
    /** Per pixel, {@link TallyLayout#LAND_TYPE_KEYS} × its land-type index (nodata's when it has none). */
    private final int[] landTypeKey;
    /** [series][pixel]: population in the tallies' fixed point ({@link PixelCounts#fixed}), −1 for nodata. */
    private final long[][] populationFixed;
    private final double[][] population;
    private final ComputedProductivity computed;
    private final Corrections corrections;
    /** Per correction: its pixels in the current tile (allocated when a tile first meets it), and whether any. */
    private final boolean[][] inCorrection;
    private final boolean[] touched;
    /** [period][indicator]: the classes before that indicator's corrections, where it has any, else null. */
    private final short[][][] beforeCorrection;

    /**
     * @param derived which tables the worker counts and which the engine derives from them after the pass
     * @param p90     the performance p90 of each period when LPD is computed from a series, else {@code null}
     * @param store   the first pass's metrics of the series, or {@code null}: the series is read again
     */
    TileWorker(RunPlan plan, DerivedKeys derived, int maxPixels, UnitHistograms.P90[] p90, SeriesScratch store) {
        this.plan = plan;
        this.lcOfSocYear = plan.lcIndexOfSocYear();
        this.in = plan.inputs();
        this.layout = plan.layout();
        this.derived = derived;
        this.scale = plan.scale();
        this.tally = new ZoneTally(in.zones().zoneCount(), layout.keys, layout.valueKeys);
        this.counts = new PixelCounts(tally);
        this.matrices = in.matrices().toArray(new TransitionMatrix[0]);
        this.lookup = in.legend().lookupTable();
        int n = maxPixels;
        int periods = in.periods().size();
        zone = new int[n];
        tmp = new double[n];
        water = new short[n];
        group = matrices.length > 1 ? new byte[n] : null;
        lc = new short[plan.lcYears().size()][n];
        lpd = new short[periods][];
        for (int p = 0; p < periods; p++) {
            lpd[p] = plan.hasLpd(p) ? new short[n] : null;
        }
        soc = new double[plan.socYears().size()][n];
        climate = in.soc() instanceof SocInput.Modelled m && m.climateZones() != null ? new double[n] : null;
        sub = new short[periods][4][n];
        status = new short[periods][];
        for (int p = 1; p < periods; p++) {
            status[p] = new short[n];
        }
        landType = new int[n];
        zoneBase = new int[n];
        key = new int[n];
        population = new double[in.population().size()][n];
        landTypeKey = new int[n];
        populationFixed = new long[population.length][n];
        computed = plan.series() != null
                ? new ComputedProductivity(plan.series(), lc.length, periods, n, p90, store) : null;
        corrections = in.corrections();
        int nc = in.correctionCount();
        inCorrection = new boolean[nc][];
        touched = new boolean[nc];
        beforeCorrection = new short[periods][4][];
        for (int p = 0; p < periods && nc > 0; p++) {
            for (int j = 0; j < 4; j++) {
                beforeCorrection[p][j] = corrections.of(p, j).length > 0 ? new short[n] : null;
            }
        }
    }

    ZoneTally tally() {
        return tally;
    }

    void process(Window w, MapWriter maps) {
        StageClock.enter(StageClock.Stage.READ);
        try {
            processTimed(w, maps);
        } finally {
            StageClock.exit();
        }
    }

    /** {@link #process}, inside the READ stage (the read methods enter other stages for their kernels). */
    private void processTimed(Window w, MapWriter maps) {
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
        readCorrections(w, n);
        StageClock.enter(StageClock.Stage.KERNELS);
        try {
            for (int p = 0; p < in.periods().size(); p++) {
                computePeriod(p, n);
            }
        } finally {
            StageClock.exit();
        }
        StageClock.enter(StageClock.Stage.TALLY);
        try {
            tallyTile(w);
        } finally {
            StageClock.exit();
        }
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
            StageClock.enter(StageClock.Stage.KERNELS);
            try {
                for (int p = 0; p < lpd.length; p++) {
                    computed.compute(p, lc, w, n, lpd[p]);
                }
            } finally {
                StageClock.exit();
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
            StageClock.enter(StageClock.Stage.KERNELS);
            try {
                SocModel.run(tmp, climate, m.climateFactor(), m.initialYear(), plan.lcYearArray(), lc,
                        plan.socYearArray(), soc, n);
            } finally {
                StageClock.exit();
            }
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
            java.util.Arrays.fill(landType, 0, n, -1); // without a land-type map or land cover, every type is nodata
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

    /** Which pixels of the tile each correction polygon covers (pixel-centre rule, in zone pixels only). */
    private void readCorrections(Window w, int n) {
        for (int c = 0; c < touched.length; c++) {
            if (!corrections.mayCover(c, w)) {
                touched[c] = false; // the polygon's bounding box misses the tile
                continue;
            }
            corrections.area(c).fill(w, key);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (key[i] >= 0 && zone[i] >= 0) {
                    any = true;
                    break;
                }
            }
            touched[c] = any;
            if (any) {
                if (inCorrection[c] == null) {
                    inCorrection[c] = new boolean[tmp.length];
                }
                boolean[] in = inCorrection[c];
                for (int i = 0; i < n; i++) {
                    in[i] = key[i] >= 0 && zone[i] >= 0;
                }
            }
        }
    }

    /**
     * Applies the corrections of indicator {@code j} in period p to {@code classes}, after keeping the classes they
     * found (for the report's from → to areas). Every correction sees the uncorrected classes, so the order of the
     * polygons does not matter (overlapping ones impose the same class).
     */
    private void correct(int p, int j, short[] classes, int n) {
        short[] before = beforeCorrection[p][j];
        if (before == null) {
            return;
        }
        System.arraycopy(classes, 0, before, 0, n);
        for (int c : corrections.of(p, j)) {
            if (touched[c]) {
                CorrectionKernel.impose(inCorrection[c], corrections.list().get(c).imposed(), classes, n);
            }
        }
    }

    private void computePeriod(int p, int n) {
        Period period = in.periods().get(p);
        short[][] s = sub[p];
        short[] lcStart = plan.hasLandCover() ? lc[plan.lcIndex(period.landCoverStart())] : null;
        short[] waterMask = null;
        if (lcStart != null) {
            OneOutAllOut.waterMask(lcStart, water, n);
            waterMask = water;
        }
        int used = 0;
        short[][] combine = new short[3][];
        if (in.uses(SubIndicator.LAND_COVER)) {
            LandCoverDegradation.apply(lcStart, lc[plan.lcIndex(period.landCoverEnd())], matrices, group, s[1], n);
            combine[used++] = s[1];
        }
        if (in.uses(SubIndicator.PRODUCTIVITY)) {
            LpdClasses.toThreeClasses(lpd[p], s[2], n);
            combine[used++] = s[2];
            if (computed != null) {
                computed.maskWater(p, waterMask, n);
            }
        }
        if (in.uses(SubIndicator.SOC)) {
            SocDegradation.apply(soc[plan.socIndex(period.socStart())], soc[plan.socIndex(period.socEnd())],
                    in.socThresholdPercent(), s[3], n);
            combine[used++] = s[3];
        }
        // the water mask of every sub-indicator, then their corrections: each kernel, mask and correction touches
        // its own array only, so this is the order indicator by indicator
        for (int k = 0; waterMask != null && k < used; k++) {
            OneOutAllOut.applyWaterMask(waterMask, combine[k], n);
        }
        if (in.uses(SubIndicator.LAND_COVER)) {
            correct(p, 1, s[1], n);
        }
        if (in.uses(SubIndicator.PRODUCTIVITY)) {
            correct(p, 2, s[2], n);
        }
        if (in.uses(SubIndicator.SOC)) {
            correct(p, 3, s[3], n);
        }
        short[][] inputs = new short[used][];
        System.arraycopy(combine, 0, inputs, 0, used);
        OneOutAllOut.combine(inputs, s[0], n);
        correct(p, 0, s[0], n);
        if (p > 0) {
            // the combined indicator's status only, for its map and the land types; every status table is derived
            // from the (baseline × period) joint counts (DerivedKeys)
            Status.apply(sub[0][0], s[0], status[p], n);
        }
    }

    /**
     * Tallies the tile row by row. Each row's families of keys are counted by small methods called once a row: the
     * JIT compiles each of them once, instead of compiling this method again for every inner loop that gets hot.
     */
    private void tallyTile(Window w) {
        for (int r = 0; r < w.height(); r++) {
            tallyRow(w, r);
        }
        counts.flush();
    }

    /** Tallies pixels {@code [r · width, (r + 1) · width)} of the tile, row r of the window. */
    private void tallyRow(Window w, int r) {
        int width = w.width();
        int from = r * width;
        int to = from + width;
        if (!zoneBases(from, to)) {
            return;
        }
        counts.row(scale.rowFixed(w.row() + r), width);
        int periods = in.periods().size();
        if (periods > 1) {
            landTypeKeys(from, to);
        }
        for (int sIdx = 0; sIdx < population.length; sIdx++) {
            populationFixed(sIdx, from, to);
        }
        // one pass per family of keys: tight loops, counted in runs of equal keys (PixelCounts.addRow); the
        // tables that are margins of joint counts are derived after the run (DerivedKeys)
        if (derived.countsZoneArea()) {
            tallyZoneArea(from, to);
        }
        for (int j = 0; j < lc.length; j++) {
            if (derived.countsLandCoverYear(j)) {
                tallyLandCover(j, from, to);
            }
        }
        for (int k = 0; k < soc.length; k++) {
            tallySoc(k, from, to);
        }
        for (int p = 0; p < periods; p++) {
            tallyPeriod(p, from, to);
        }
    }

    /** Fills the zone bases of the row's pixels ({@code zone × keys}, −1 outside the zones); false if none is in. */
    private boolean zoneBases(int from, int to) {
        int keys = counts.keys();
        int[] zb = zoneBase;
        boolean any = false;
        for (int i = from; i < to; i++) {
            int z = zone[i];
            zb[i] = z < 0 ? -1 : z * keys;
            any |= z >= 0;
        }
        return any;
    }

    private void landTypeKeys(int from, int to) {
        int[] typeKey = landTypeKey;
        for (int i = from; i < to; i++) {
            int lt = landType[i] < 0 ? TallyLayout.NODATA_LAND_TYPE : landType[i];
            typeKey[i] = TallyLayout.LAND_TYPE_KEYS * lt;
        }
    }

    private void populationFixed(int sIdx, int from, int to) {
        double[] pop = population[sIdx];
        long[] fixed = populationFixed[sIdx];
        for (int i = from; i < to; i++) {
            fixed[i] = Double.isNaN(pop[i]) ? -1 : PixelCounts.fixed(pop[i]); // one rounding for all periods
        }
    }

    private void tallyZoneArea(int from, int to) {
        int[] zb = zoneBase;
        int[] k1 = key;
        for (int i = from; i < to; i++) {
            k1[i] = in(zb[i], TallyLayout.ZONE_AREA);
        }
        counts.addRow(k1, from, to);
    }

    private void tallyLandCover(int j, int from, int to) {
        int[] zb = zoneBase;
        int[] k1 = key;
        byte[] lcKey = TallyLayout.LC_KEY;
        int off = layout.landCover(j);
        short[] a = lc[j];
        for (int i = from; i < to; i++) {
            k1[i] = in(zb[i], off + lcKey[a[i] & 0xFFFF]);
        }
        counts.addRow(k1, from, to);
    }

    /** SOC year k: the area of its nodata pixels, and the stocks summed by (zone, land-cover class). */
    private void tallySoc(int k, int from, int to) {
        PixelCounts t = counts;
        TallyLayout l = layout;
        int valueKeys = t.valueKeys();
        int[] zb = zoneBase;
        int[] k1 = key;
        byte[] lcKey = TallyLayout.LC_KEY;
        double[] v = soc[k];
        int noData = l.socNoData(k);
        short[] cover = lcOfSocYear[k] < 0 ? null : lc[lcOfSocYear[k]];
        int runIndex = -1; // stocks summed in runs of one (zone, class, value): one addition a run
        double runValue = 0;
        int run = 0;
        for (int i = from; i < to; i++) {
            double x = v[i];
            if (Double.isNaN(x)) {
                k1[i] = in(zb[i], noData);
            } else {
                k1[i] = -1;
                if (zb[i] >= 0) {
                    int cls = cover == null ? 7 : lcKey[cover[i] & 0xFFFF];
                    int index = zone[i] * valueKeys + l.socValue(k, cls);
                    if (index == runIndex && x == runValue) {
                        run++;
                    } else {
                        if (run > 0) {
                            t.addValue(runIndex, runValue, run);
                        }
                        runIndex = index;
                        runValue = x;
                        run = 1;
                    }
                }
            }
        }
        if (run > 0) {
            t.addValue(runIndex, runValue, run);
        }
        t.addRow(k1, from, to);
    }

    /** Every family of keys of period p, in one row. */
    private void tallyPeriod(int p, int from, int to) {
        DerivedKeys d = derived;
        if (d.countsClasses()) {
            for (int j = 0; j < 4; j++) {
                if (d.usesIndicator(j)) {
                    tallyClasses(p, j, from, to);
                }
            }
        }
        tallyTransitions(p, from, to);
        if (computed != null) {
            for (int k = 0; k < 3; k++) {
                tallyMetric(p, k, from, to);
            }
        }
        for (int sIdx = 0; sIdx < population.length; sIdx++) {
            tallyPopulation(p, sIdx, from, to);
        }
        for (int j = 0; j < 4 && touched.length > 0; j++) {
            if (beforeCorrection[p][j] != null) {
                tallyCorrections(p, j, from, to);
            }
        }
        if (p == 1 && layout.countsTriples()) {
            for (int j = 0; j < 4; j++) {
                if (d.usesIndicator(j)) {
                    tallyTriple(j, from, to);
                }
            }
        }
        if (p > 0) {
            for (int j = 0; j < 4 && !layout.countsTriples(); j++) {
                if (d.usesIndicator(j)) {
                    tallyJoint(p, j, from, to);
                }
            }
            tallyLandTypeStatus(p, from, to);
        }
    }

    /** The classes of indicator j (0 the combined indicator, 1 land cover, 2 productivity, 3 SOC) in period p. */
    private void tallyClasses(int p, int j, int from, int to) {
        int[] zb = zoneBase;
        int[] k1 = key;
        byte[] classKey = TallyLayout.CLASS_KEY;
        short[] cls = sub[p][j];
        int off = layout.period(p) + TallyLayout.SDG + j * TallyLayout.CLASS_KEYS;
        for (int i = from; i < to; i++) {
            k1[i] = in(zb[i], off + classKey[cls[i] & 0xFFFF]);
        }
        counts.addRow(k1, from, to);
    }

    /** Period p's land-cover transitions (with the LPD class where both are given), or its LPD classes alone. */
    private void tallyTransitions(int p, int from, int to) {
        DerivedKeys d = derived;
        boolean hasLc = plan.hasLandCover();
        int[] zb = zoneBase;
        int[] k1 = key;
        byte[] lcKey = TallyLayout.LC_KEY;
        byte[] lpdKeys = TallyLayout.LPD_KEY;
        int base = layout.period(p);
        short[] start = hasLc ? lc[d.periodLcStart(p)] : null;
        short[] end = hasLc ? lc[d.periodLcEnd(p)] : null;
        short[] v = lpd[p];
        if (hasLc && v != null) {
            int off = base + TallyLayout.TRANSITION_LPD;
            for (int i = from; i < to; i++) {
                short a = start[i];
                int pair = lcKey[a & 0xFFFF] * TallyLayout.LC_KEYS + lcKey[end[i] & 0xFFFF];
                int lpdKey = a == 7 ? 6 : lpdKeys[v[i] & 0xFFFF]; // water at the start: key 6
                k1[i] = in(zb[i], off + pair * TallyLayout.LPD_KEYS + lpdKey);
            }
            counts.addRow(k1, from, to);
        } else if (hasLc) {
            int off = base + TallyLayout.TRANSITION;
            for (int i = from; i < to; i++) {
                k1[i] = in(zb[i], off + lcKey[start[i] & 0xFFFF] * TallyLayout.LC_KEYS + lcKey[end[i] & 0xFFFF]);
            }
            counts.addRow(k1, from, to);
        } else if (v != null) {
            int off = base + TallyLayout.LPD_BY_LC + 7 * TallyLayout.LPD_KEYS; // land-cover key 7: none
            for (int i = from; i < to; i++) {
                k1[i] = in(zb[i], off + lpdKeys[v[i] & 0xFFFF]);
            }
            counts.addRow(k1, from, to);
        }
    }

    /** The classes of computed productivity metric k (trajectory, state, performance) in period p. */
    private void tallyMetric(int p, int k, int from, int to) {
        int[] zb = zoneBase;
        int[] k1 = key;
        byte[] classKey = TallyLayout.CLASS_KEY;
        int off = layout.period(p) + TallyLayout.METRICS + k * TallyLayout.CLASS_KEYS;
        short[] mk = computed.metrics[p][k];
        for (int i = from; i < to; i++) {
            k1[i] = in(zb[i], off + classKey[mk[i] & 0xFFFF]);
        }
        counts.addRow(k1, from, to);
    }

    /** Population series sIdx summed by the combined indicator's class in period p. */
    private void tallyPopulation(int p, int sIdx, int from, int to) {
        int valueKeys = counts.valueKeys();
        int[] zb = zoneBase;
        int[] k1 = key;
        byte[] classKey = TallyLayout.CLASS_KEY;
        long[] pop = populationFixed[sIdx];
        short[] sdg = sub[p][0];
        int off = layout.population(p, sIdx, 0);
        for (int i = from; i < to; i++) {
            int none = (zb[i] | (int) (pop[i] >> 32)) >> 31; // outside the zones, or nodata (−1)
            k1[i] = (zone[i] * valueKeys + off + classKey[sdg[i] & 0xFFFF]) | none;
        }
        counts.addPlainRow(k1, pop, from, to);
    }

    /** The classes found before the corrections of indicator j in period p, one row of keys per correction. */
    private void tallyCorrections(int p, int j, int from, int to) {
        int[] zb = zoneBase;
        int[] k1 = key;
        short[] before = beforeCorrection[p][j];
        for (int c : corrections.of(p, j)) {
            if (!touched[c]) {
                continue;
            }
            boolean[] inside = inCorrection[c];
            for (int i = from; i < to; i++) {
                k1[i] = inside[i] ? at(zb[i], layout.correction(c, p, TallyLayout.classKey(before[i]))) : -1;
            }
            counts.addRow(k1, from, to);
        }
    }

    /** Indicator j's (baseline, first, second reporting period) classes, jointly. */
    private void tallyTriple(int j, int from, int to) {
        int[] zb = zoneBase;
        int[] k1 = key;
        byte[] classKey = TallyLayout.CLASS_KEY;
        short[] b = sub[0][j];
        short[] c1 = sub[1][j];
        short[] c2 = sub[2][j];
        int off = layout.triple(j);
        for (int i = from; i < to; i++) {
            k1[i] = in(zb[i], off + classKey[b[i] & 0xFFFF] * TallyLayout.JOINT_KEYS
                    + classKey[c1[i] & 0xFFFF] * TallyLayout.CLASS_KEYS + classKey[c2[i] & 0xFFFF]);
        }
        counts.addRow(k1, from, to);
    }

    /** Indicator j's (baseline, period p) classes, jointly. */
    private void tallyJoint(int p, int j, int from, int to) {
        int[] zb = zoneBase;
        int[] k1 = key;
        byte[] classKey = TallyLayout.CLASS_KEY;
        short[] b = sub[0][j];
        short[] c = sub[p][j];
        int off = layout.joint(p, j);
        for (int i = from; i < to; i++) {
            k1[i] = in(zb[i], off + classKey[b[i] & 0xFFFF] * TallyLayout.CLASS_KEYS + classKey[c[i] & 0xFFFF]);
        }
        counts.addRow(k1, from, to);
    }

    /** The combined indicator's status in period p by land type. */
    private void tallyLandTypeStatus(int p, int from, int to) {
        int[] zb = zoneBase;
        int[] k1 = key;
        int[] typeKey = landTypeKey;
        byte[] landTypeStatus = TallyLayout.LAND_TYPE_STATUS;
        short[] st = status[p];
        int off = layout.landType(p, 0, true); // + LAND_TYPE_KEYS × type + offset of the status
        for (int i = from; i < to; i++) {
            k1[i] = in(zb[i], off + typeKey[i] + landTypeStatus[st[i] & 0xFFFF]);
        }
        counts.addRow(k1, from, to);
    }

    /**
     * The tally index of a key ≥ 0 of a pixel whose zone base is {@code zoneBase} (−1 outside the zones, then −1: not
     * counted), without a branch: {@code zoneBase >> 31} is 0 inside the zones and all ones outside.
     */
    static int in(int zoneBase, int key) {
        return zoneBase + key | zoneBase >> 31;
    }

    /** The tally index of a key of a pixel: −1 (not counted) outside the zones or for key −1. */
    private static int at(int zoneBase, int key) {
        return zoneBase < 0 || key < 0 ? -1 : zoneBase + key;
    }

    static String pixel(Window w, int i) {
        return "(col " + (w.col() + i % w.width()) + ", row " + (w.row() + i / w.width()) + ")";
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
