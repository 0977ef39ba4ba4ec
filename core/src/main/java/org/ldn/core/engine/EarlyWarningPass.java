package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.ldn.core.InputException;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.drought.Calibration;
import org.ldn.core.drought.DroughtClass;
import org.ldn.core.drought.MonthlyCalendar;
import org.ldn.core.drought.Spi;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.PixelAreas;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;
import org.ldn.core.landcover.LandCoverClass;
import org.ldn.core.landcover.Legend;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.DroughtBulletin;
import org.ldn.core.report.Report;
import org.ldn.core.zone.ZoneSource;

/**
 * The early-warning pass: SPI-1, 3, 6 and 12 of the last month L of the series and of L − 1, each against the
 * stored calibration fits of its calendar month ({@link DroughtFitsPass}), read from the last 13 months only. Per
 * zone and scale: area and population per class of L (water apart: class 7 of the latest land-cover map not after
 * L's year), the area-weighted mean SPI of L and of L − 1 and their classes, and the area whose class worsened.
 * A zone is listed as worsened when the class of its mean SPI is more severe in L than in L − 1.
 */
public final class EarlyWarningPass {
    public static final String WORSENED_RULE = "the class of the zone's area-weighted mean SPI is more severe in the"
            + " bulletin's month than in the previous month";
    private static final int KEYS_PER_SCALE = 7 + 2; // classes (incl. nodata, water), valid previous, worsened
    private static final int S = DroughtFitsPass.SCALES.length;

    /** Reads the fit map of (scale k, calendar month, parameter 0 α, 1 β, 2 q). */
    @FunctionalInterface
    public interface Fits {
        RasterSource open(int k, int month, int param);
    }

    /** Where a bulletin map goes ({@code spi<k>_<YYYY-MM>} Float32, {@code class<k>_<YYYY-MM>} Int16), or null. */
    @FunctionalInterface
    public interface Maps {
        RasterSink open(String stem, boolean floating);
    }

    private EarlyWarningPass() {
    }

    public static DroughtBulletin run(Grid grid, ZoneSource zones, MonthlyPrecipitation p, Calibration calibration,
            Fits fits, Legend legend, SortedMap<Integer, RasterSource> landCover,
            Map<String, RasterSource> population, Maps maps, EngineOptions options) {
        MonthlyCalendar cal = p.calendar();
        int last = cal.months() - 1;
        if (last < 1) {
            throw new InputException(p.sources().get(0).name() + ": the bulletin needs at least two months");
        }
        int from = Math.max(0, last - 12);
        int months = last - from + 1;
        int lastMonth = cal.monthOf(last), prevMonth = cal.monthOf(last - 1);
        RasterSource lc = null;
        for (var e : landCover.entrySet()) {
            if (lc == null || e.getKey() <= cal.yearOf(last)) {
                lc = e.getValue();
            }
        }
        final RasterSource water = lc;
        List<String> series = new ArrayList<>();
        List<RasterSource> popSources = new ArrayList<>();
        for (String k : RunPlan.POPULATION_KEYS) {
            if (population.containsKey(k)) {
                series.add(k);
                popSources.add(population.get(k));
            }
        }
        int ns = series.size();
        int keys = 1 + S * KEYS_PER_SCALE;
        int valueKeys = S * (7 * ns + 2);
        AreaScale scale = AreaScale.of(PixelAreas.rowAreasKm2(grid), PixelAreas.maxPixelAreaKm2(grid));
        RasterSource[][][] fit = new RasterSource[S][2][3];
        for (int s = 0; s < S; s++) {
            for (int q = 0; q < 3; q++) {
                fit[s][0][q] = fits.open(DroughtFitsPass.SCALES[s], lastMonth, q);
                fit[s][1][q] = fits.open(DroughtFitsPass.SCALES[s], prevMonth, q);
            }
        }
        String label = cal.label(last);
        RasterSink[] spiMaps = new RasterSink[S], classMaps = new RasterSink[S];
        List<RasterSink> all = new ArrayList<>();
        int[] shape = DroughtPlan.tileShape(grid.width(), grid.height(), months + 6 * S);
        Tiling tiling = new Tiling(grid.width(), grid.height(), shape[0], shape[1]);
        int threads = Math.max(1, Math.min(options.threads(), tiling.tileCount()));
        List<ZoneTally> tallies = new ArrayList<>();
        try {
            for (int s = 0; s < S; s++) {
                spiMaps[s] = maps.open("spi" + DroughtFitsPass.SCALES[s] + "_" + label, true);
                classMaps[s] = maps.open("class" + DroughtFitsPass.SCALES[s] + "_" + label, false);
                for (RasterSink x : new RasterSink[] {spiMaps[s], classMaps[s]}) {
                    if (x != null) {
                        all.add(x);
                    }
                }
            }
            List<Consumer<Window>> workers = new ArrayList<>();
            int maxN = shape[0] * shape[1];
            byte[] lookup = legend != null ? legend.lookupTable() : null;
            for (int t = 0; t < threads; t++) {
                ZoneTally tally = new ZoneTally(zones.zoneCount(), keys, valueKeys);
                tallies.add(tally);
                int[] zone = new int[maxN];
                double[] tmp = new double[maxN];
                double[] precip = new double[months * maxN];
                double[][] pop = new double[ns][maxN];
                double[][] par = new double[6][maxN];
                short[] lcClass = new short[maxN];
                float[] spiOut = new float[maxN];
                short[] classOut = new short[maxN];
                workers.add(w -> {
                    int n = w.length();
                    zones.fill(w, zone);
                    for (int t2 = 0; t2 < months; t2++) {
                        int m = from + t2;
                        p.sources().get(m).read(p.bands()[m], w, tmp);
                        p.toMm(m, w, tmp, n, precip, t2 * n);
                    }
                    for (int s2 = 0; s2 < ns; s2++) {
                        popSources.get(s2).read(0, w, pop[s2]);
                    }
                    boolean[] isWater = new boolean[n];
                    if (water != null) {
                        LandCoverTile.read(water, legend, lookup, w, zone, tmp, lcClass, n);
                        for (int i = 0; i < n; i++) {
                            isWater[i] = lcClass[i] == LandCoverClass.WATER.code();
                        }
                    }
                    for (int s = 0; s < S; s++) {
                        int k = DroughtFitsPass.SCALES[s];
                        for (int q = 0; q < 3; q++) {
                            fit[s][0][q].read(0, w, par[q]);
                            fit[s][1][q].read(0, w, par[3 + q]);
                        }
                        int base = 1 + s * KEYS_PER_SCALE;
                        int vbase = s * (7 * ns + 2);
                        for (int i = 0; i < n; i++) {
                            double now = spi(precip, n, i, months - 1, k, par, 0);
                            double before = spi(precip, n, i, months - 2, k, par, 3);
                            byte c = DroughtClass.of(now), cb = DroughtClass.of(before);
                            spiOut[i] = zone[i] < 0 ? Float.NaN : (float) now;
                            classOut[i] = zone[i] < 0 ? Classes.NODATA : isWater[i] ? Classes.WATER
                                    : c == DroughtClass.NODATA ? Classes.NODATA : c;
                            int z = zone[i];
                            if (z < 0) {
                                continue;
                            }
                            long rf = scale.rowFixed(w.row() + i / w.width());
                            if (s == 0) {
                                tally.add(z, 0, rf);
                            }
                            int key = isWater[i] ? 6 : c == DroughtClass.NODATA ? 5 : c;
                            tally.add(z, base + key, rf);
                            if (isWater[i]) {
                                continue;
                            }
                            for (int s2 = 0; s2 < ns; s2++) {
                                double v = pop[s2][i];
                                if (v == v && v >= 0) {
                                    tally.addValue(z, vbase + key * ns + s2, v, 1);
                                }
                            }
                            if (c != DroughtClass.NODATA) {
                                tally.addValue(z, vbase + 7 * ns, now - Spi.MIN, rf);
                            }
                            if (cb != DroughtClass.NODATA) {
                                tally.add(z, base + 7, rf);
                                tally.addValue(z, vbase + 7 * ns + 1, before - Spi.MIN, rf);
                                if (c != DroughtClass.NODATA && c > cb) {
                                    tally.add(z, base + 8, rf);
                                }
                            }
                        }
                        if (spiMaps[s] != null) {
                            spiMaps[s].write(w, n == maxN ? spiOut : java.util.Arrays.copyOf(spiOut, n));
                        }
                        if (classMaps[s] != null) {
                            classMaps[s].write(w, n == maxN ? classOut : java.util.Arrays.copyOf(classOut, n));
                        }
                    }
                });
            }
            TilePool.run(tiling, workers, options.progress(), "bulletin");
            for (RasterSink x : all) {
                x.commit();
            }
        } finally {
            for (RasterSink x : all) {
                x.close();
            }
        }
        ZoneTally total = tallies.get(0);
        for (int t = 1; t < tallies.size(); t++) {
            total.merge(tallies.get(t));
        }
        List<DroughtBulletin.Zone> zs = new ArrayList<>();
        Map<String, List<String>> worsened = new LinkedHashMap<>();
        for (int k : DroughtFitsPass.SCALES) {
            worsened.put(String.valueOf(k), new ArrayList<>());
        }
        for (int z = 0; z < zones.zoneCount(); z++) {
            DroughtBulletin.Zone zr = zone(total, scale, z, zones.id(z), zones.name(z), series);
            zs.add(zr);
            zr.spi().forEach((k, v) -> {
                if (v.worsened()) {
                    worsened.get(k).add(zr.id());
                }
            });
        }
        return new DroughtBulletin(label, cal.label(last - 1), List.of(calibration.firstYear(),
                calibration.lastYear()), List.of(1, 3, 6, 12), WORSENED_RULE, worsened, zs,
                zone(total, scale, -1, Report.TOTAL_ID, "All zones", series));
    }

    /** SPI-k at month index {@code end} of the read window from the fit at {@code par[at..at+2]}. */
    private static double spi(double[] precip, int n, int i, int end, int k, double[][] par, int at) {
        if (end - k + 1 < 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int t = end - k + 1; t <= end; t++) {
            sum += precip[t * n + i];
        }
        return Spi.of(sum, par[at][i], par[at + 1][i], par[at + 2][i]);
    }

    private static final String[] NAMES = {"none", "mild", "moderate", "severe", "extreme", "nodata"};

    private static DroughtBulletin.Zone zone(ZoneTally t, AreaScale scale, int z, String id, String name,
            List<String> series) {
        int ns = series.size();
        Map<String, DroughtBulletin.Scale> out = new LinkedHashMap<>();
        for (int s = 0; s < S; s++) {
            int base = 1 + s * KEYS_PER_SCALE;
            int vbase = s * (7 * ns + 2);
            Map<String, Double> classes = new LinkedHashMap<>();
            for (int c = 0; c < 6; c++) {
                classes.put(NAMES[c], t.areaKm2(z, base + c, scale));
            }
            double land = t.areaKm2(z, new int[] {base, base + 1, base + 2, base + 3, base + 4, base + 5}, scale);
            double drought = t.areaKm2(z, new int[] {base + 1, base + 2, base + 3, base + 4}, scale);
            double valid = land - classes.get("nodata");
            double validPrev = t.areaKm2(z, base + 7, scale);
            Double mean = valid > 0 ? t.value(z, vbase + 7 * ns, true, scale) / valid + Spi.MIN : null;
            Double prev = validPrev > 0 ? t.value(z, vbase + 7 * ns + 1, true, scale) / validPrev + Spi.MIN : null;
            Map<String, Map<String, Double>> pop = null;
            if (ns > 0) {
                pop = new LinkedHashMap<>();
                for (int s2 = 0; s2 < ns; s2++) {
                    Map<String, Double> by = new LinkedHashMap<>();
                    for (int c = 0; c < 6; c++) {
                        by.put(NAMES[c], t.value(z, vbase + c * ns + s2, false, scale));
                    }
                    pop.put(series.get(s2), by);
                }
            }
            String cls = mean == null ? null : DroughtClass.values()[DroughtClass.of(mean)].key();
            String prevCls = prev == null ? null : DroughtClass.values()[DroughtClass.of(prev)].key();
            boolean worse = mean != null && prev != null && DroughtClass.of(mean) > DroughtClass.of(prev);
            out.put(String.valueOf(DroughtFitsPass.SCALES[s]), new DroughtBulletin.Scale(classes,
                    t.areaKm2(z, base + 6, scale), drought, land > 0 ? drought / land : null, pop, mean, cls, prev,
                    prevCls, worse, t.areaKm2(z, base + 8, scale)));
        }
        return new DroughtBulletin.Zone(id, name, t.areaKm2(z, 0, scale), out);
    }
}
