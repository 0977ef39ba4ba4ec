package org.ldn.core.grid;

import java.util.Arrays;
import java.util.Optional;

/**
 * The true area of one pixel of each row of a grid, in km². All pixels of a row have the same area.
 * <ul>
 *   <li>Geographic (longitude/latitude) grids: the area on the WGS84 ellipsoid of the strip between the row's two
 *       latitudes, {@code (S(φ2) − S(φ1)) · Δλ / 360} with the authalic strip function
 *       {@code S(φ) = π b² (atanh(e sin φ)/e + sin φ / (1 − e² sin² φ))} (METHOD.md §0). Latitudes beyond ±90° are
 *       clamped, so a row that straddles a pole counts only its part on the globe and a row entirely beyond it has
 *       area 0. The WGS84 ellipsoid is used whatever the datum of the grid's CRS (datum differences change areas by
 *       far less than the 0.01 km² rounding of reports).</li>
 *   <li>Projected grids: the cell size {@code |dx · dy| / 10⁶} (CRS units taken as metres). Exact only for an
 *       equal-area projection; otherwise {@link #warning()} says so.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class PixelAreas {
    /** WGS84 semi-major axis, metres. */
    public static final double A = 6378137.0;
    /** WGS84 semi-minor axis, metres, as METHOD.md §0 gives it. */
    public static final double B = 6356752.3142;
    private static final double E = Math.sqrt(1 - (B * B) / (A * A));

    private final double[] rowKm2;
    private final boolean ellipsoidal;
    private final String warning;

    private PixelAreas(double[] rowKm2, boolean ellipsoidal, String warning) {
        this.rowKm2 = rowKm2;
        this.ellipsoidal = ellipsoidal;
        this.warning = warning;
    }

    /** Computes the per-row pixel areas of {@code grid}. */
    public static PixelAreas of(Grid grid) {
        double[] km2 = new double[grid.height()];
        if (grid.crs().geographic()) {
            double width = Math.abs(grid.dx());
            for (int r = 0; r < km2.length; r++) {
                km2[r] = stripKm2(grid.y0() + r * grid.dy(), grid.y0() + (r + 1) * grid.dy(), width);
            }
            return new PixelAreas(km2, true, null);
        }
        Arrays.fill(km2, Math.abs(grid.dx() * grid.dy()) / 1e6);
        String warning = grid.crs().equalArea() ? null
                : "pixel areas are the cell size in " + grid.crs().label() + ", which is not an equal-area projection,"
                        + " so areas are approximate (align the inputs on an equal-area grid for true areas)";
        return new PixelAreas(km2, false, warning);
    }

    /**
     * Area in km² of the ellipsoidal strip between latitudes {@code lat1} and {@code lat2} (degrees, in any order,
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

    /** S(φ) of METHOD.md §0 in m²: the ellipsoid's area between the equator and latitude φ (radians), all longitudes. */
    private static double authalic(double phi) {
        double s = Math.sin(phi);
        double es = E * s;
        return Math.PI * B * B * (atanh(es) / E + s / (1 - es * es));
    }

    // Math has no atanh; log1p keeps full precision for small arguments.
    private static double atanh(double x) {
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }

    /** Area in km² of one pixel of row {@code row} (0 = the grid's first row). */
    public double km2(int row) {
        return rowKm2[row];
    }

    /** Area in hectares of one pixel of row {@code row}. */
    public double hectares(int row) {
        return rowKm2[row] * 100;
    }

    public int rows() {
        return rowKm2.length;
    }

    /** A copy of all row areas, km², indexed by row. */
    public double[] rowKm2() {
        return rowKm2.clone();
    }

    /** True when areas come from the ellipsoid (geographic grid); false when they are the projected cell size. */
    public boolean ellipsoidal() {
        return ellipsoidal;
    }

    /** A sentence for reports when the areas are only approximate (projected grid, not equal-area). */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }
}
