package org.ldn.core.grid;

/** Placeholder replaced at merge by the full implementation (METHOD.md §0). */
public final class PixelAreas {
    private static final double A = 6378137.0;
    private static final double B = 6356752.3142;
    private static final double E = Math.sqrt(1 - (B * B) / (A * A));

    private PixelAreas() {
    }

    /** Area in km² of one pixel of each row. */
    public static double[] rowAreasKm2(Grid g) {
        double[] out = new double[g.height()];
        for (int r = 0; r < out.length; r++) {
            if (g.crs().geographic()) {
                double y1 = g.y0() + r * g.dy();
                double y2 = g.y0() + (r + 1) * g.dy();
                double lo = Math.toRadians(Math.max(-90, Math.min(90, Math.min(y1, y2))));
                double hi = Math.toRadians(Math.max(-90, Math.min(90, Math.max(y1, y2))));
                out[r] = (s(hi) - s(lo)) * Math.abs(g.dx()) / 360 / 1e6;
            } else {
                out[r] = Math.abs(g.dx() * g.dy()) / 1e6;
            }
        }
        return out;
    }

    /** The largest area a pixel of this grid's cell size can have (at the equator for geographic grids), km². */
    public static double maxPixelAreaKm2(Grid g) {
        if (!g.crs().geographic()) {
            return Math.abs(g.dx() * g.dy()) / 1e6;
        }
        double h = Math.toRadians(Math.min(90, Math.abs(g.dy()) / 2));
        return (s(h) - s(-h)) * Math.abs(g.dx()) / 360 / 1e6;
    }

    private static double s(double phi) {
        double sin = Math.sin(phi);
        double es = E * sin;
        return Math.PI * B * B * (atanh(es) / E + sin / (1 - es * es));
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
