package org.ldn.core.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random polygons for property tests, as rings of plain coordinates: triangles, concave star-shaped polygons,
 * polygons with holes, and multipolygons whose parts may overlap (the even-odd rule then makes the overlap a hole).
 * Each ring's winding is random. With {@code snap > 0} every coordinate is rounded to a multiple of {@code snap},
 * which puts vertices and edges exactly on pixel centres and edges when {@code snap} is half the cell size.
 */
final class RandomPolygons {
    private final SplittableRandom rnd;
    private final double xmin;
    private final double ymin;
    private final double xmax;
    private final double ymax;
    private final double snap;

    RandomPolygons(long seed, double xmin, double ymin, double xmax, double ymax, double snap) {
        this.rnd = new SplittableRandom(seed);
        this.xmin = xmin;
        this.ymin = ymin;
        this.xmax = xmax;
        this.ymax = ymax;
        this.snap = snap;
    }

    /** One random shape of a random kind, which may extend a little beyond the box. */
    List<double[]> next() {
        return switch (rnd.nextInt(4)) {
            case 0 -> List.of(triangle());
            case 1 -> List.of(star(cx(), cy(), 0.3, 1.0, 3 + rnd.nextInt(20)));
            case 2 -> withHoles();
            default -> multi();
        };
    }

    private double[] triangle() {
        double[] r = new double[6];
        for (int i = 0; i < 3; i++) {
            r[2 * i] = snap(rnd.nextDouble(xmin - 1, xmax + 1));
            r[2 * i + 1] = snap(rnd.nextDouble(ymin - 1, ymax + 1));
        }
        return maybeReverse(r);
    }

    /** A star-shaped (generally concave) ring around (cx, cy), radii from {@code lo} to {@code hi} times a random R. */
    private double[] star(double cx, double cy, double lo, double hi, int vertices) {
        double big = Math.min(xmax - xmin, ymax - ymin) * rnd.nextDouble(0.1, 0.6);
        return starRing(cx, cy, big * lo, big * hi, vertices);
    }

    /** A ring around (cx, cy) through vertices at random angles and at radii between rLo and rHi. */
    private double[] starRing(double cx, double cy, double rLo, double rHi, int vertices) {
        double[] angles = new double[vertices];
        for (int i = 0; i < vertices; i++) {
            angles[i] = rnd.nextDouble(0, 2 * Math.PI);
        }
        Arrays.sort(angles);
        double[] ring = new double[2 * vertices + 2];
        for (int i = 0; i < vertices; i++) {
            double rad = rnd.nextDouble(rLo, rHi);
            ring[2 * i] = snap(cx + rad * Math.cos(angles[i]));
            ring[2 * i + 1] = snap(cy + rad * Math.sin(angles[i]));
        }
        ring[2 * vertices] = ring[0];
        ring[2 * vertices + 1] = ring[1];
        return maybeReverse(ring);
    }

    private List<double[]> withHoles() {
        double cx = cx();
        double cy = cy();
        double big = Math.min(xmax - xmin, ymax - ymin) * rnd.nextDouble(0.2, 0.6);
        List<double[]> rings = new ArrayList<>();
        rings.add(starRing(cx, cy, 0.6 * big, big, 5 + rnd.nextInt(20)));
        int holes = 1 + rnd.nextInt(2);
        for (int h = 0; h < holes; h++) {
            double off = holes == 1 ? 0 : (h == 0 ? -0.3 : 0.3) * big;
            // hole radius < 0.25·big and centre within 0.3·big: inside the shell (radius ≥ 0.6·big), apart
            rings.add(starRing(cx + off, cy, 0.05 * big, 0.24 * big, 3 + rnd.nextInt(10)));
        }
        return rings;
    }

    private List<double[]> multi() {
        List<double[]> rings = new ArrayList<>();
        int parts = 2 + rnd.nextInt(3);
        for (int p = 0; p < parts; p++) {
            rings.add(rnd.nextBoolean() ? triangle() : star(cx(), cy(), 0.3, 1.0, 3 + rnd.nextInt(12)));
        }
        return rings;
    }

    /**
     * Polygons (each a shell and at most one hole inside it) that do not overlap but may share edges: the box is cut
     * into a few cells and each cell gets its full rectangle, a triangle inside it, an inset rectangle with a hole,
     * or nothing.
     */
    List<List<double[]>> disjointParts() {
        int nx = 2 + rnd.nextInt(2);
        int ny = 2 + rnd.nextInt(2);
        double[] xs = cuts(xmin, xmax, nx);
        double[] ys = cuts(ymin, ymax, ny);
        List<List<double[]>> parts = new ArrayList<>();
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double x1 = xs[i];
                double x2 = xs[i + 1];
                double y1 = ys[j];
                double y2 = ys[j + 1];
                switch (rnd.nextInt(4)) {
                    case 0 -> parts.add(List.of(maybeReverse(rect(x1, y1, x2, y2))));
                    case 1 -> {
                        double[] t = new double[6];
                        for (int k = 0; k < 3; k++) {
                            t[2 * k] = clamp(snap(rnd.nextDouble(x1, x2)), x1, x2);
                            t[2 * k + 1] = clamp(snap(rnd.nextDouble(y1, y2)), y1, y2);
                        }
                        parts.add(List.of(maybeReverse(t)));
                    }
                    case 2 -> {
                        double mx = (x2 - x1) * 0.15;
                        double my = (y2 - y1) * 0.15;
                        double r = Math.min(x2 - x1, y2 - y1) * 0.2;
                        parts.add(List.of(maybeReverse(rect(x1 + mx, y1 + my, x2 - mx, y2 - my)),
                                starRing((x1 + x2) / 2, (y1 + y2) / 2, 0.3 * r, r, 3 + rnd.nextInt(8))));
                    }
                    default -> {
                    }
                }
            }
        }
        return parts;
    }

    private double[] cuts(double lo, double hi, int n) {
        double[] c = new double[n + 1];
        c[0] = lo;
        c[n] = hi;
        for (int i = 1; i < n; i++) {
            c[i] = snap(lo + (hi - lo) * (i + rnd.nextDouble(-0.3, 0.3)) / n);
        }
        return c;
    }

    private double[] rect(double x1, double y1, double x2, double y2) {
        return new double[] {snap(x1), snap(y1), snap(x2), snap(y1), snap(x2), snap(y2), snap(x1), snap(y2)};
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * True when no two edges of {@code ring} meet except consecutive edges at their shared vertex (repeated
     * consecutive points are ignored). Exact for coordinates on a coarse binary lattice.
     */
    static boolean isSimple(double[] ring) {
        int m = 0;
        double[] p = new double[ring.length];
        for (int i = 0; i < ring.length / 2; i++) {
            if (m == 0 || ring[2 * i] != p[2 * m - 2] || ring[2 * i + 1] != p[2 * m - 1]) {
                p[2 * m] = ring[2 * i];
                p[2 * m + 1] = ring[2 * i + 1];
                m++;
            }
        }
        if (m > 1 && p[0] == p[2 * m - 2] && p[1] == p[2 * m - 1]) {
            m--;
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                boolean adjacent = j == i + 1 || (i == 0 && j == m - 1);
                int i2 = (i + 1) % m;
                int j2 = (j + 1) % m;
                if (adjacent) {
                    // consecutive edges may only share their common vertex: not fold back over each other
                    int common = j == i + 1 ? i2 : i;
                    int a = common == i2 ? i : i2;
                    int b = common == i2 ? j2 : j;
                    if (orient(p, common, a, b) == 0 && dot(p, common, a, b) > 0) {
                        return false;
                    }
                } else if (segmentsMeet(p, i, i2, j, j2)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int orient(double[] p, int a, int b, int c) {
        double v = (p[2 * b] - p[2 * a]) * (p[2 * c + 1] - p[2 * a + 1])
                - (p[2 * b + 1] - p[2 * a + 1]) * (p[2 * c] - p[2 * a]);
        return Double.compare(v, 0);
    }

    private static double dot(double[] p, int o, int a, int b) {
        return (p[2 * a] - p[2 * o]) * (p[2 * b] - p[2 * o])
                + (p[2 * a + 1] - p[2 * o + 1]) * (p[2 * b + 1] - p[2 * o + 1]);
    }

    private static boolean onSegment(double[] p, int a, int b, int c) {
        return Math.min(p[2 * a], p[2 * b]) <= p[2 * c] && p[2 * c] <= Math.max(p[2 * a], p[2 * b])
                && Math.min(p[2 * a + 1], p[2 * b + 1]) <= p[2 * c + 1]
                && p[2 * c + 1] <= Math.max(p[2 * a + 1], p[2 * b + 1]);
    }

    private static boolean segmentsMeet(double[] p, int a, int b, int c, int d) {
        int o1 = orient(p, a, b, c);
        int o2 = orient(p, a, b, d);
        int o3 = orient(p, c, d, a);
        int o4 = orient(p, c, d, b);
        if (o1 != o2 && o3 != o4 && o1 * o2 <= 0 && o3 * o4 <= 0 && (o1 != 0 || o2 != 0)) {
            return true;
        }
        return (o1 == 0 && onSegment(p, a, b, c)) || (o2 == 0 && onSegment(p, a, b, d))
                || (o3 == 0 && onSegment(p, c, d, a)) || (o4 == 0 && onSegment(p, c, d, b));
    }

    private double cx() {
        return rnd.nextDouble(xmin, xmax);
    }

    private double cy() {
        return rnd.nextDouble(ymin, ymax);
    }

    private double snap(double v) {
        return snap > 0 ? Math.round(v / snap) * snap : v;
    }

    private double[] maybeReverse(double[] ring) {
        if (rnd.nextBoolean()) {
            return ring;
        }
        int n = ring.length / 2;
        double[] r = new double[ring.length];
        for (int i = 0; i < n; i++) {
            r[2 * i] = ring[2 * (n - 1 - i)];
            r[2 * i + 1] = ring[2 * (n - 1 - i) + 1];
        }
        return r;
    }
}
