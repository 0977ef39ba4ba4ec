package org.ldn.geodata.vector;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * Applies a 2-D SIS {@link MathTransform} to every coordinate of a JTS geometry through a
 * {@link CoordinateSequenceFilter}, one batch call per coordinate sequence (ring). The input is not modified.
 *
 * <p>It also detects edges that the transform tears apart, as happens when a ring crosses the meridian opposite
 * a projection's central meridian, or the antimeridian of a geographic target. The midpoint of each edge is
 * transformed too; when it lands farther than a quarter of the edge's image length from the middle of the image
 * (a suspect: a tear, or only a strongly non-uniform transform such as Mercator near a pole), the edge is bisected
 * {@value #BISECTIONS} times, each time keeping the half with the longer image. A continuous transform shrinks that
 * image towards nothing; a tear keeps a jump of at least half the edge's image length however short the piece.
 */
final class GeometryReprojection {
    /** Bend of an edge's image, relative to its length, beyond which the edge is checked for a tear. */
    private static final double SUSPECT = 0.25;
    /** Halvings of a suspect edge; 2^-40 of an edge is far below any coordinate's precision of interest. */
    static final int BISECTIONS = 40;

    private GeometryReprojection() {
    }

    /** An edge of the geometry does not stay in one piece under the transform. */
    static final class TornEdge extends Exception {
        private static final long serialVersionUID = 1L;

        TornEdge(String message) {
            super(message);
        }
    }

    /** A transformed copy of {@code g}; x and y are replaced, z and m are kept as they are. */
    static Geometry apply(Geometry g, MathTransform transform) throws TransformException, TornEdge {
        Geometry copy = g.copy();
        RingFilter filter = new RingFilter(transform);
        copy.apply(filter);
        if (filter.failure != null) {
            throw filter.failure;
        }
        if (filter.torn != null) {
            throw filter.torn;
        }
        copy.geometryChanged();
        return copy;
    }

    /** Transforms a whole sequence when JTS hands over its first coordinate, then ignores the others. */
    private static final class RingFilter implements CoordinateSequenceFilter {
        private final MathTransform transform;
        private TransformException failure;
        private TornEdge torn;

        RingFilter(MathTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            if (i != 0 || isDone()) {
                return;
            }
            int n = seq.size();
            // points 0..n-1, then the n-1 edge midpoints
            double[] xy = new double[2 * (2 * n - 1)];
            for (int k = 0; k < n; k++) {
                xy[2 * k] = seq.getX(k);
                xy[2 * k + 1] = seq.getY(k);
            }
            for (int k = 0; k + 1 < n; k++) {
                xy[2 * (n + k)] = (xy[2 * k] + xy[2 * k + 2]) / 2;
                xy[2 * (n + k) + 1] = (xy[2 * k + 1] + xy[2 * k + 3]) / 2;
            }
            double[] source = xy.clone();
            try {
                transform.transform(xy, 0, xy, 0, 2 * n - 1);
            } catch (TransformException e) {
                failure = e;
                return;
            }
            for (double v : xy) {
                if (Double.isNaN(v)) {
                    failure = new TransformException("a coordinate of the ring has no image in the target CRS");
                    return;
                }
            }
            for (int k = 0; k + 1 < n; k++) {
                double ax = xy[2 * k];
                double ay = xy[2 * k + 1];
                double bx = xy[2 * k + 2];
                double by = xy[2 * k + 3];
                double length = Math.hypot(bx - ax, by - ay);
                double bend = Math.hypot(xy[2 * (n + k)] - (ax + bx) / 2, xy[2 * (n + k) + 1] - (ay + by) / 2);
                if (bend > SUSPECT * length && isTorn(source, k, length)) {
                    torn = new TornEdge("the edge from (" + source[2 * k] + ", " + source[2 * k + 1] + ") to ("
                            + source[2 * k + 2] + ", " + source[2 * k + 3] + ") is torn apart");
                    return;
                }
            }
            for (int k = 0; k < n; k++) {
                seq.setOrdinate(k, CoordinateSequence.X, xy[2 * k]);
                seq.setOrdinate(k, CoordinateSequence.Y, xy[2 * k + 1]);
            }
        }

        /** Bisects edge {@code k} of {@code source}, following the half with the longer image. */
        private boolean isTorn(double[] source, int k, double length) {
            double[] p = {source[2 * k], source[2 * k + 1]};
            double[] q = {source[2 * k + 2], source[2 * k + 3]};
            double[] pi = new double[2];
            double[] qi = new double[2];
            double[] m = new double[2];
            double[] mi = new double[2];
            try {
                transform.transform(p, 0, pi, 0, 1);
                transform.transform(q, 0, qi, 0, 1);
                for (int level = 0; level < BISECTIONS; level++) {
                    m[0] = (p[0] + q[0]) / 2;
                    m[1] = (p[1] + q[1]) / 2;
                    transform.transform(m, 0, mi, 0, 1);
                    if (Math.hypot(mi[0] - pi[0], mi[1] - pi[1]) >= Math.hypot(qi[0] - mi[0], qi[1] - mi[1])) {
                        q = m.clone();
                        qi = mi.clone();
                    } else {
                        p = m.clone();
                        pi = mi.clone();
                    }
                }
            } catch (TransformException e) {
                return true;
            }
            return Math.hypot(qi[0] - pi[0], qi[1] - pi[1]) > length / 2;
        }

        @Override
        public boolean isDone() {
            return failure != null || torn != null;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
