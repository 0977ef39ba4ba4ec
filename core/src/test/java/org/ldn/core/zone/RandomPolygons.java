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

    /** A star-shaped (generally concave) ring around (cx, cy): radii between {@code lo} and {@code hi} times a random R. */
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
