package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ldn.core.InputException;
import org.ldn.core.accounting.AreaScale;
import org.ldn.core.accounting.ZoneTally;
import org.ldn.core.drought.DroughtClass;
import org.ldn.core.drought.ReportingBlocks;
import org.ldn.core.drought.SpiSeries;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;
import org.ldn.core.landcover.LandCoverClass;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.RasterSource;

/**
 * One thread's share of the drought pass: for each tile it reads the months it needs, computes the SPI of every
 * reported year ({@link SpiSeries#yearly}), its class, the block maxima, the water mask, population and DVI,
 * tallies them by zone ({@link DroughtLayout}) and writes the map tiles. Buffers are sized once for the largest
 * tile. Not thread-safe: one per thread.
 */
final class DroughtWorker implements Consumer<Window> {
    private final DroughtInputs in;
    private final DroughtPlan plan;
    private final DroughtLayout layout;
    private final AreaScale scale;
    private final ZoneTally tally;
    private final RasterSink[] spiMaps, classMaps, blockMaps;
    private final RasterSink dviMap;
    private final byte[] lookup;
    private final int years, blocks;
    private final int[] zone;
    private final double[] tmp;
    private final float[] precip, spi;
    private final byte[] cls, blockCls;
    private final boolean[][] water;
    private final short[] lcClass;
    private final double[][] population;
    private final double[] dvi;
    private final short[] shortOut;
    private final float[] floatOut;
    private final List<RasterSource> populationSources = new ArrayList<>();
    private final double[] weights;
    private final List<RasterSource> components;

    DroughtWorker(DroughtInputs in, DroughtPlan plan, DroughtLayout layout, AreaScale scale, RasterSink[] spiMaps,
            RasterSink[] classMaps, RasterSink[] blockMaps, RasterSink dviMap) {
        this.in = in;
        this.plan = plan;
        this.layout = layout;
        this.scale = scale;
        this.spiMaps = spiMaps;
        this.classMaps = classMaps;
        this.blockMaps = blockMaps;
        this.dviMap = dviMap;
        this.tally = new ZoneTally(in.zones().zoneCount(), layout.keys, layout.valueKeys);
        this.lookup = in.legend() != null ? in.legend().lookupTable() : null;
        this.years = plan.years().size();
        this.blocks = plan.blocks().size();
        int n = plan.bandWidth() * plan.bandHeight();
        zone = new int[n];
        tmp = new double[n];
        precip = in.precipitation() != null ? new float[plan.readCalendar().months() * n] : null;
        spi = new float[years * n];
        cls = new byte[years * n];
        blockCls = new byte[blocks * n];
        water = new boolean[plan.landCoverYears().size()][n];
        lcClass = new short[n];
        for (String k : RunPlan.POPULATION_KEYS) {
            if (in.population().containsKey(k)) {
                populationSources.add(in.population().get(k));
            }
        }
        population = new double[populationSources.size()][n];
        components = List.copyOf(in.vulnerability().values());
        weights = new double[components.size()];
        int c = 0;
        for (String name : in.vulnerability().keySet()) {
            weights[c++] = in.weights().isEmpty() ? 1 : in.weights().get(name);
        }
        dvi = components.isEmpty() ? null : new double[n];
        shortOut = new short[n];
        floatOut = new float[n];
    }

    ZoneTally tally() {
        return tally;
    }

    /** Processes the tile {@code tile} band by band. */
    @Override
    public void accept(Window tile) {
        for (int r = 0; r < tile.height(); r += plan.bandHeight()) {
            for (int c = 0; c < tile.width(); c += plan.bandWidth()) {
                process(new Window(tile.col() + c, tile.row() + r, Math.min(plan.bandWidth(), tile.width() - c),
                        Math.min(plan.bandHeight(), tile.height() - r)));
            }
        }
    }

    private void process(Window w) {
        int n = w.length();
        in.zones().fill(w, zone);
        computeSpi(w, n);
        for (int y = 0; y < years; y++) {
            DroughtClass.classify(spi, y * n, n, cls, y * n);
        }
        for (int b = 0; b < blocks; b++) {
            int[] l = plan.blockLayers()[b];
            ReportingBlocks.maxClass(cls, n, l[0], l[1], blockCls, b * n);
        }
        readWater(w, n);
        readPopulation(w, n);
        readVulnerability(w, n);
        tallyTile(w, n);
        writeMaps(w, n);
    }

    private void readMasked(RasterSource src, int band, Window w, double[] out, int n) {
        src.read(band, w, out);
        for (int i = 0; i < n; i++) {
            if (zone[i] < 0) {
                out[i] = Double.NaN;
            }
        }
    }

    private void computeSpi(Window w, int n) {
        if (in.precipitation() == null) {
            int y = 0;
            for (int year : plan.years()) {
                readMasked(in.suppliedSpi().get(year), 0, w, tmp, n);
                for (int i = 0; i < n; i++) {
                    spi[y * n + i] = (float) tmp[i];
                }
                y++;
            }
            return;
        }
        MonthlyPrecipitation p = in.precipitation();
        int months = plan.readCalendar().months();
        for (int t = 0; t < months; t++) {
            int m = plan.readFrom() + t;
            readMasked(p.sources().get(m), p.bands()[m], w, tmp, n);
            p.toMm(m, w, tmp, n, precip, t * n);
        }
        SpiSeries.yearly(precip, n, plan.readCalendar(), in.spec().k(), in.spec().month(), plan.calibration(),
                plan.years().get(0), years, spi);
    }

    private void readWater(Window w, int n) {
        for (int j = 0; j < water.length; j++) {
            if (!usedLandCover(j)) {
                continue;
            }
            LandCoverTile.read(in.landCover().get(plan.landCoverYears().get(j)), in.legend(), lookup, w, zone, tmp,
                    lcClass, n);
            for (int i = 0; i < n; i++) {
                water[j][i] = lcClass[i] == LandCoverClass.WATER.code();
            }
        }
    }

    private boolean usedLandCover(int j) {
        for (int m : plan.waterMap()) {
            if (m == j) {
                return true;
            }
        }
        return false;
    }

    private void readPopulation(Window w, int n) {
        for (int s = 0; s < population.length; s++) {
            RasterSource src = populationSources.get(s);
            readMasked(src, 0, w, population[s], n);
            for (int i = 0; i < n; i++) {
                double v = population[s][i];
                if (v < 0 || Double.isInfinite(v)) {
                    throw new InputException(src.name() + ": population " + TileWorker.format(v) + " at pixel "
                            + TileWorker.pixel(w, i) + " is negative or infinite");
                }
            }
        }
    }

    /** DVI = Σ w_c·v_c / Σ w_c over the components; nodata if any component is nodata. */
    private void readVulnerability(Window w, int n) {
        if (dvi == null) {
            return;
        }
        double total = 0;
        for (double x : weights) {
            total += x;
        }
        java.util.Arrays.fill(dvi, 0, n, 0);
        for (int c = 0; c < components.size(); c++) {
            RasterSource src = components.get(c);
            readMasked(src, 0, w, tmp, n);
            for (int i = 0; i < n; i++) {
                double v = tmp[i];
                if (v < 0 || v > 1) {
                    throw new InputException(src.name() + ": vulnerability component value " + TileWorker.format(v)
                            + " at pixel " + TileWorker.pixel(w, i) + " is outside 0..1 (rescale it to 0..1)");
                }
                dvi[i] += weights[c] * v;
            }
        }
        for (int i = 0; i < n; i++) {
            dvi[i] /= total;
        }
    }

    /**
     * Quintile class 0..4 of a DVI in 0..1 (upper bounds inclusive: 0.2 is class 0), 5 for nodata. The bounds are
     * decided at single precision, the precision components are stored in (Float32 0.1 and 0.3 average to 0.2 at
     * that precision, not to 0.2000000067), so a DVI on a bound gets the class METHOD.md §9 gives it.
     */
    static int quintile(double d) {
        if (!(d >= 0)) {
            return 5;
        }
        float f = (float) d;
        return f <= 0.2f ? 0 : f <= 0.4f ? 1 : f <= 0.6f ? 2 : f <= 0.8f ? 3 : 4;
    }

    private int key(byte c, boolean isWater) {
        return isWater ? DroughtLayout.WATER : c == DroughtClass.NODATA ? DroughtLayout.NODATA : c;
    }

    private void tallyTile(Window w, int n) {
        int width = w.width();
        int series = population.length;
        for (int i = 0; i < n; i++) {
            int z = zone[i];
            if (z < 0) {
                continue;
            }
            long rf = scale.rowFixed(w.row() + i / width);
            tally.add(z, 0, rf);
            int q = dvi == null ? 5 : quintile(dvi[i]);
            boolean risky = q == 4;
            for (int p = 0; p < years + blocks; p++) {
                boolean isWater;
                byte c;
                if (p < years) {
                    c = cls[p * n + i];
                    isWater = plan.waterMap()[p] >= 0 && water[plan.waterMap()[p]][i];
                } else {
                    int b = p - years;
                    int[] l = plan.blockLayers()[b];
                    c = blockCls[b * n + i];
                    int lastYear = l[0] + l[1] - 1;
                    isWater = plan.waterMap()[lastYear] >= 0 && water[plan.waterMap()[lastYear]][i];
                }
                int key = key(c, isWater);
                tally.add(z, layout.classKey(p, key), rf);
                boolean risk = risky && !isWater && c >= 3;
                if (risk) {
                    tally.add(z, layout.riskKey(p), rf);
                }
                for (int s = 0; s < series; s++) {
                    double v = population[s][i];
                    if (v == v) {
                        tally.addValue(z, layout.population(p, key, s), v, 1);
                        if (risk) {
                            tally.addValue(z, layout.riskPopulation(p, s), v, 1);
                        }
                    }
                }
            }
            for (int s = 0; s < series; s++) {
                double v = population[s][i];
                if (v == v) {
                    tally.addValue(z, layout.zonePopulation(s), v, 1);
                }
            }
            if (dvi != null) {
                tally.add(z, layout.dviKey(q), rf);
                if (q < 5) {
                    tally.addValue(z, layout.dviSum(), dvi[i], rf);
                }
            }
        }
    }

    private void writeMaps(Window w, int n) {
        for (int p = 0; p < years + blocks; p++) {
            RasterSink sink = p < years ? classMaps[p] : blockMaps[p - years];
            if (sink == null) {
                continue;
            }
            byte[] src = p < years ? cls : blockCls;
            int layer = p < years ? p : p - years;
            int lastYear = p < years ? p : plan.blockLayers()[layer][0] + plan.blockLayers()[layer][1] - 1;
            int wm = plan.waterMap()[lastYear];
            for (int i = 0; i < n; i++) {
                byte c = src[layer * n + i];
                shortOut[i] = zone[i] < 0 || c == DroughtClass.NODATA && !(wm >= 0 && water[wm][i]) ? Classes.NODATA
                        : wm >= 0 && water[wm][i] ? Classes.WATER : c;
            }
            sink.write(w, n == shortOut.length ? shortOut : java.util.Arrays.copyOf(shortOut, n));
        }
        for (int y = 0; y < years; y++) {
            if (spiMaps[y] != null) {
                System.arraycopy(spi, y * n, floatOut, 0, n);
                spiMaps[y].write(w, n == floatOut.length ? floatOut : java.util.Arrays.copyOf(floatOut, n));
            }
        }
        if (dviMap != null) {
            for (int i = 0; i < n; i++) {
                floatOut[i] = (float) dvi[i];
            }
            dviMap.write(w, n == floatOut.length ? floatOut : java.util.Arrays.copyOf(floatOut, n));
        }
    }
}
