package org.ldn.geodata.align;

import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * Locates source pixels across CRSs: target pixel centres are transformed into the source CRS in batches of whole
 * rows, then floored to source cells. Centres that cannot be transformed have no source pixel.
 */
final class TransformLocator implements PixelLocator {
    /** Points transformed per batch call (1 MiB of coordinates). */
    private static final int BATCH_POINTS = 1 << 16;

    private final Grid target;
    private final Grid source;
    private final MathTransform targetToSource;

    TransformLocator(Grid target, Grid source, MathTransform targetToSource) {
        this.target = target;
        this.source = source;
        this.targetToSource = targetToSource;
    }

    @Override
    public void locate(Window window, int[] cols, int[] rows) {
        int w = window.width();
        int rowsPerBatch = Math.max(1, BATCH_POINTS / Math.max(1, w));
        double[] centres = new double[2 * w * Math.min(rowsPerBatch, window.height())];
        double[] xy = new double[centres.length];
        for (int r0 = 0; r0 < window.height(); r0 += rowsPerBatch) {
            int nr = Math.min(rowsPerBatch, window.height() - r0);
            int n = nr * w;
            int k = 0;
            for (int r = 0; r < nr; r++) {
                double y = target.centreY(window.row() + r0 + r);
                for (int c = 0; c < w; c++) {
                    centres[k++] = target.centreX(window.col() + c);
                    centres[k++] = y;
                }
            }
            transform(centres, xy, n);
            int base = r0 * w;
            for (int i = 0; i < n; i++) {
                int sc = PixelLocator.index((xy[2 * i] - source.x0()) / source.dx(), source.width());
                int sr = PixelLocator.index((xy[2 * i + 1] - source.y0()) / source.dy(), source.height());
                boolean inside = sc >= 0 && sr >= 0;
                cols[base + i] = inside ? sc : -1;
                rows[base + i] = inside ? sr : -1;
            }
        }
    }

    /** Transforms {@code n} points; a point that fails becomes NaN (and then has no source pixel). */
    void transform(double[] centres, double[] xy, int n) {
        try {
            targetToSource.transform(centres, 0, xy, 0, n);
        } catch (TransformException e) {
            // the batch call does not say which points failed: redo them one by one
            for (int i = 0; i < n; i++) {
                try {
                    targetToSource.transform(centres, 2 * i, xy, 2 * i, 1);
                } catch (TransformException pointFailed) {
                    xy[2 * i] = Double.NaN;
                    xy[2 * i + 1] = Double.NaN;
                }
            }
        }
    }
}
