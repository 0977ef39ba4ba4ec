package org.ldn.cli.document;

import java.util.Locale;
import org.ldn.core.grid.Grid;

/**
 * A scale bar for a map picture: a round ground length (1, 2 or 5 × 10ⁿ km, or m below 1 km) whose bar is at most
 * a quarter of the picture's width. Projected grids are taken to be in metres; on geographic grids the length of a
 * degree of longitude is taken at the picture's central latitude on a sphere of 6371 km (good to about 0.5 %,
 * enough for a bar).
 *
 * @param pixels the bar's length in picture pixels
 * @param label  the ground length, e.g. "200 km"
 */
record ScaleBar(double pixels, String label) {
    private static final double KM_PER_DEGREE = Math.PI * 6371.0 / 180;

    /** The bar of a picture drawn from {@code grid} at {@code factor} source pixels per picture pixel; null if none. */
    static ScaleBar of(Grid grid, int factor, int pictureWidth) {
        double kmPerPixel;
        if (grid.crs().geographic()) {
            double lat = grid.y0() + grid.dy() * grid.height() / 2;
            kmPerPixel = Math.abs(grid.dx()) * factor * KM_PER_DEGREE * Math.cos(Math.toRadians(lat));
        } else {
            kmPerPixel = Math.abs(grid.dx()) * factor / 1000;
        }
        if (!(kmPerPixel > 0) || pictureWidth < 4) {
            return null;
        }
        double maxKm = kmPerPixel * pictureWidth / 4;
        double step = Math.pow(10, Math.floor(Math.log10(maxKm)));
        double km = step;
        for (double m : new double[] {5, 2, 1}) {
            if (m * step <= maxKm) {
                km = m * step;
                break;
            }
        }
        String label = km >= 1 ? String.format(Locale.ROOT, "%,d km", Math.round(km))
                : String.format(Locale.ROOT, "%d m", Math.round(km * 1000));
        return new ScaleBar(km / kmPerPixel, label);
    }
}
