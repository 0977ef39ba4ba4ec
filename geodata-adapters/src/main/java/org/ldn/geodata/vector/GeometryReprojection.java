package org.ldn.geodata.vector;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * Applies a 2-D SIS {@link MathTransform} to every coordinate of a JTS geometry, one coordinate sequence (ring) per
 * batch call. The input geometry is not modified.
 */
final class GeometryReprojection {
    private GeometryReprojection() {
    }

    /** A transformed copy of {@code g}; x and y are replaced, z and m are kept as they are. */
    static Geometry apply(Geometry g, MathTransform transform) throws TransformException {
        Geometry copy = g.copy();
        RingFilter filter = new RingFilter(transform);
        copy.apply(filter);
        if (filter.failure != null) {
            throw filter.failure;
        }
        copy.geometryChanged();
        return copy;
    }

    /** Transforms a whole sequence when JTS hands over its first coordinate, then ignores the others. */
    private static final class RingFilter implements CoordinateSequenceFilter {
        private final MathTransform transform;
        private TransformException failure;

        RingFilter(MathTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            if (i != 0 || failure != null) {
                return;
            }
            int n = seq.size();
            double[] xy = new double[2 * n];
            for (int k = 0; k < n; k++) {
                xy[2 * k] = seq.getX(k);
                xy[2 * k + 1] = seq.getY(k);
            }
            try {
                transform.transform(xy, 0, xy, 0, n);
            } catch (TransformException e) {
                failure = e;
                return;
            }
            for (int k = 0; k < n; k++) {
                seq.setOrdinate(k, CoordinateSequence.X, xy[2 * k]);
                seq.setOrdinate(k, CoordinateSequence.Y, xy[2 * k + 1]);
            }
        }

        @Override
        public boolean isDone() {
            return failure != null;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
