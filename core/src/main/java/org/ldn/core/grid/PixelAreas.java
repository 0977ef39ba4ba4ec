package org.ldn.core.grid;

import java.util.Arrays;
import java.util.Optional;

/**
 * The true area of one pixel of each row of a grid, in km² (all pixels of a row have the same area).
 * <ul>
 *   <li>Geographic (longitude/latitude) grids: the area on the WGS84 ellipsoid of the cell between the row's two
 *       latitudes, {@code (S(φ2) − S(φ1)) · Δλ / 360} with the authalic strip function
 *       {@code S(φ) = π b² (atanh(e sin φ)/e + sin φ / (1 − e² sin² φ))} (METHOD.md §0). Latitudes beyond ±90° are
 *       clamped: a row that straddles a pole counts only its part on the globe, a row entirely beyond it has area 0.
 *       The WGS84 ellipsoid is used whatever the datum of the grid's CRS.</li>
 *   <li>Projected grids: the cell size {@code |dx · dy| / 10⁶} (CRS units taken as metres). That is the true area
 *       only for an equal-area projection; otherwise {@link #warning(Grid)} gives a sentence for the report.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class PixelAreas {
    /** WGS84 semi-major axis, metres. */
    public static final double A = 6378137.0;
    /** WGS84 semi-minor axis, metres, as METHOD.md §0 gives it. */
    public static final double B = 6356752.3142;
    private static final double E = Math.sqrt(1 - (B * B) / (A * A));

    private PixelAreas() {
    }

    /** Area in km² of one pixel of each row of {@code grid}, indexed by row (0 = the grid's first row). */
    public static double[] rowAreasKm2(Grid grid) {
        double[] km2 = new double[grid.height()];
        if (!grid.crs().geographic()) {
            Arrays.fill(km2, cellKm2(grid));
            return km2;
        }
        double width = Math.abs(grid.dx());
        for (int r = 0; r < km2.length; r++) {
            km2[r] = stripKm2(grid.y0() + r * grid.dy(), grid.y0() + (r + 1) * grid.dy(), width);
        }
        return km2;
    }

    /**
     * The largest area a pixel of this grid's cell size can have, km²: a cell centred on the equator for geographic
     * grids (wherever the grid lies), the cell size otherwise. An upper bound for fixed-point area sums.
     */
    public static double maxPixelAreaKm2(Grid grid) {
        if (!grid.crs().geographic()) {
            return cellKm2(grid);
        }
        double half = Math.abs(grid.dy()) / 2;
        return stripKm2(-half, half, Math.abs(grid.dx()));
    }

    /**
     * Area in km² of the ellipsoidal cell between latitudes {@code lat1} and {@code lat2} (degrees, in any order,
     * clamped to ±90) over {@code widthDeg} degrees of longitude.
     */
    public static double stripKm2(double lat1, double lat2, double widthDeg) {
        double lo = Math.max(-90, Math.min(lat1, lat2));
        double hi = Math.min(90, Math.max(lat1, lat2));
        if (hi <= lo) {
            return 0;
        }
        return (authalic(Math.toRadians(hi)) - authalic(Math.toRadians(lo))) * widthDeg / 360 / 1e6;
    }

    /**
     * A sentence for reports when the areas of {@code grid} are only approximate: a projected CRS that is not
     * equal-area. Empty for geographic grids and equal-area projections.
     */
    public static Optional<String> warning(Grid grid) {
        if (grid.crs().geographic() || grid.crs().equalArea()) {
            return Optional.empty();
        }
        return Optional.of("pixel areas are the cell size in " + grid.crs().label() + ", which is not an equal-area"
                + " projection, so areas are approximate (align the inputs on an equal-area or a geographic grid for"
                + " true areas)");
    }

    private static double cellKm2(Grid grid) {
        return Math.abs(grid.dx() * grid.dy()) / 1e6;
    }

    /** S(φ) of METHOD.md §0 in m²: the ellipsoid's area between the equator and latitude φ (radians), all around. */
    private static double authalic(double phi) {
        double s = Math.sin(phi);
        double es = E * s;
        return Math.PI * B * B * (atanh(es) / E + s / (1 - es * es));
    }

    // Math has no atanh; log1p keeps full precision for small arguments.
    private static double atanh(double x) {
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }
}
