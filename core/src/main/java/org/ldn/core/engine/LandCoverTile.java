package org.ldn.core.engine;

import org.ldn.core.InputException;
import org.ldn.core.grid.Window;
import org.ldn.core.landcover.Legend;
import org.ldn.core.landcover.LegendKernel;
import org.ldn.core.raster.RasterSource;

/** Reads land-cover maps for the engine's passes. Stateless. */
final class LandCoverTile {
    private LandCoverTile() {
    }

    /**
     * Reads a land-cover map over {@code w} ({@code codes}: its source codes, NaN outside the zones) and maps the
     * codes to UNCCD classes in {@code out}; a code missing from the legend is an input error.
     */
    static void read(RasterSource src, Legend legend, byte[] lookup, Window w, int[] zone, double[] codes,
            short[] out, int n) {
        src.read(0, w, codes);
        for (int i = 0; i < n; i++) {
            if (zone[i] < 0) {
                codes[i] = Double.NaN;
            }
        }
        int bad = LegendKernel.apply(codes, lookup, out, n);
        if (bad != LegendKernel.ALL_KNOWN) {
            throw new InputException(src.name() + ": land-cover value " + TileWorker.format(codes[bad]) + " at pixel "
                    + TileWorker.pixel(w, bad) + " is not a code of the legend '" + legend.name()
                    + "' (add it to the legend with its UNCCD class, or declare it nodata)");
        }
    }
}
