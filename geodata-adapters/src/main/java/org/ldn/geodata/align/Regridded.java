package org.ldn.geodata.align;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ldn.core.grid.Grid;
import org.ldn.core.engine.StageClock;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.geodata.crs.Crs;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/**
 * A raster source presented on another grid (the run's reference grid). With {@link Resampling#NEAREST}, target
 * pixel (col, row) takes the value of the source pixel whose cell contains the target pixel's centre
 * ({@link Grid#centreX}, {@link Grid#centreY}) transformed into the source CRS; cells are half-open, so a centre
 * exactly on a cell edge belongs to the cell to its right (east) or below (south). A centre outside the source grid,
 * or one that cannot be transformed, reads as NaN (nodata).
 *
 * <p>When the CRSs are equivalent the source column depends only on the target column and the source row only on the
 * target row; both are computed once. Otherwise the source pixels are found by interpolation over a lattice of
 * exactly transformed centres, falling back to the exact transform wherever that could change a pixel
 * ({@link LatticeLocator}: the result is that of transforming every centre). The locator of a (source grid,
 * reference grid) pair is made once and shared by every source on that pair (every year, period and variant of a
 * run). Each read fetches only the source pixels it needs (see {@link SourceGather}). Values, sample type, nodata, scale and offset are the
 * source's. Immutable and thread-safe when the source is; closing it closes the source.
 */
public final class Regridded implements RasterSource {
    private final RasterSource source;
    private final Grid grid;
    private final PixelLocator locator;

    private Regridded(RasterSource source, Grid grid, PixelLocator locator) {
        this.source = source;
        this.grid = grid;
        this.locator = locator;
    }

    /** {@code source} on {@code reference} by nearest neighbour; {@code source} itself when it is on that grid. */
    public static RasterSource onto(RasterSource source, Grid reference) {
        return onto(source, reference, Resampling.NEAREST);
    }

    /** {@code source} on {@code reference} with {@code resampling}; {@code source} itself when it is on that grid. */
    public static RasterSource onto(RasterSource source, Grid reference, Resampling resampling) {
        Objects.requireNonNull(resampling, "resampling");
        Grid from = source.grid();
        if (from.sameAs(reference)) {
            return source;
        }
        return new Regridded(source, reference, locator(reference, from));
    }

    /**
     * System property that, set to {@code true}, makes regridding across CRSs transform every target centre exactly
     * instead of interpolating over the lattice (a diagnostic: results are the same, only slower; {@code ldn bench
     * --verify} uses it to check that).
     */
    public static final String EXACT_PROPERTY = "org.ldn.regrid.exact";

    /** A (reference grid, source grid) pair, and whether every centre is transformed exactly. */
    private record GridPair(Grid target, Grid source, boolean exact) {
    }

    /** Locators of the pairs used lately (a run uses a handful; a batch moves from one country to the next). */
    private static final Map<GridPair, PixelLocator> LOCATORS = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<GridPair, PixelLocator> eldest) {
                    return size() > 16;
                }
            });

    /** The locator of {@code source} pixels for {@code target} pixels, shared by every source on that grid. */
    static PixelLocator locator(Grid target, Grid source) {
        boolean exact = Boolean.getBoolean(EXACT_PROPERTY);
        GridPair key = new GridPair(target, source, exact);
        PixelLocator l = LOCATORS.get(key);
        if (l == null) {
            // the same CRS needs no CRS library (which is slow to load in a fresh process)
            CoordinateReferenceSystem sourceCrs = source.crs().sameAs(target.crs()) ? null : Crs.of(source.crs());
            CoordinateReferenceSystem targetCrs = sourceCrs == null ? null : Crs.of(target.crs());
            if (sourceCrs == null || Crs.equivalent(targetCrs, sourceCrs)) {
                l = new SeparableLocator(target, source);
            } else {
                MathTransform t = Crs.transform(targetCrs, sourceCrs);
                l = exact ? new TransformLocator(target, source, t) : new LatticeLocator(target, source, t);
            }
            PixelLocator before = LOCATORS.putIfAbsent(key, l);
            l = before != null ? before : l;
        }
        return l;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public int bandCount() {
        return source.bandCount();
    }

    @Override
    public SampleType sampleType() {
        return source.sampleType();
    }

    @Override
    public double noData() {
        return source.noData();
    }

    @Override
    public double scale() {
        return source.scale();
    }

    @Override
    public double offset() {
        return source.offset();
    }

    @Override
    public void read(int band, Window window, double[] out) {
        readBands(band, 1, window, out);
    }

    @Override
    public void readBands(int firstBand, int count, Window window, double[] out) {
        if (window.colEnd() > grid.width() || window.rowEnd() > grid.height()) {
            throw new IllegalArgumentException("window " + window + " is not inside the " + grid.width() + "x"
                    + grid.height() + " grid");
        }
        if (firstBand < 0 || count < 1 || firstBand + count > source.bandCount()) {
            throw new IllegalArgumentException("bands " + firstBand + "+" + count + " of " + source.bandCount());
        }
        int n = window.length();
        if (out.length < count * n) {
            throw new IllegalArgumentException("output holds " + out.length + " values, " + count * n + " needed");
        }
        StageClock.enter(StageClock.Stage.REGRID);
        try {
            if (locator instanceof SeparableLocator s && s.gatherBox(source, firstBand, count, window, out)) {
                return;
            }
            int[] cols = RegridScratch.ints(n);
            int[] rows = RegridScratch.ints(n);
            locator.locate(window, cols, rows);
            SourceGather.gather(source, firstBand, count, cols, rows, n, out);
            RegridScratch.give(cols);
            RegridScratch.give(rows);
        } finally {
            StageClock.exit();
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
