package org.ldn.cli.run;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ldn.core.engine.EngineInputs;
import org.ldn.core.engine.Period;
import org.ldn.core.engine.ProductivitySeries;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;

/**
 * What {@code ldn validate} checks of a productivity series (METHOD.md §3), listing every problem the run would
 * stop at: the years every period needs, present with all their bands; the values inside the zones finite and small
 * enough for a mean to round to 0.0001 physical units (a wrong scale or an undeclared nodata value otherwise); the
 * land units whole numbers. Grids are checked when the run is assembled, as for every input.
 */
final class SeriesScan {
    /** Largest |stored value × scale| accepted: a mean is rounded to 0.0001 in a long of at most 2^53 units. */
    static final double MAX_PHYSICAL = 0x1p53 / 10000;

    private SeriesScan() {
    }

    static void scan(EngineInputs in, Tiling tiling, int[] zone, double[] v, List<String> problems) {
        ProductivitySeries s = in.series();
        TreeSet<Integer> missing = new TreeSet<>();
        for (Period p : in.periods()) {
            for (int y = p.productivityFirst(); y <= p.productivityLast(); y++) {
                ProductivitySeries.YearBands b = s.years().get(y);
                if (b == null) {
                    missing.add(y);
                } else if (b.firstBand() < 0 || b.firstBand() + s.bandsPerYear() > b.source().bandCount()) {
                    problems.add(b.source().name() + ": has " + b.source().bandCount() + " band(s); year " + y
                            + " needs band(s) " + (b.firstBand() + 1) + ".." + (b.firstBand() + s.bandsPerYear())
                            + " (check firstYear" + (s.monthly() ? " and monthly" : "") + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            problems.add("productivity.series: no data for year(s) " + missing + " that the periods need (the series"
                    + " has " + s.years().firstKey() + ".." + s.years().lastKey() + ")");
        }
        double scale = s.scale().value();
        for (Map.Entry<Integer, ProductivitySeries.YearBands> e : s.years().entrySet()) {
            ProductivitySeries.YearBands b = e.getValue();
            RasterSource src = b.source();
            TreeSet<String> bad = new TreeSet<>();
            for (int k = 0; k < s.bandsPerYear() && b.firstBand() + k < src.bandCount(); k++) {
                int band = b.firstBand() + k;
                scan(in, tiling, src, band, zone, v, x -> {
                    if (Double.isInfinite(x) || Math.abs(x * scale) > MAX_PHYSICAL) {
                        bad.add(String.valueOf(x));
                    }
                });
            }
            if (!bad.isEmpty()) {
                problems.add(src.name() + ": productivity value(s) " + RunValidator.listed(bad) + " (year "
                        + e.getKey() + ") are infinite or too large for scale " + scale + " (mark missing values as"
                        + " nodata, or check productivity.scale)");
            }
        }
        if (s.landUnits() != null) {
            TreeSet<String> bad = new TreeSet<>();
            scan(in, tiling, s.landUnits(), 0, zone, v, x -> {
                if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
                    bad.add(String.valueOf(x));
                }
            });
            if (!bad.isEmpty()) {
                problems.add(s.landUnits().name() + ": land unit(s) " + RunValidator.listed(bad)
                        + " are not whole numbers (land units are integer codes)");
            }
        }
    }

    private interface ValueCheck {
        void accept(double value);
    }

    private static void scan(EngineInputs in, Tiling tiling, RasterSource s, int band, int[] zone, double[] v,
            ValueCheck check) {
        for (int t = 0; t < tiling.tileCount(); t++) {
            Window w = tiling.tile(t);
            in.zones().fill(w, zone);
            s.read(band, w, v);
            for (int i = 0; i < w.length(); i++) {
                if (zone[i] >= 0 && !Double.isNaN(v[i])) {
                    check.accept(v[i]);
                }
            }
        }
    }
}
