package org.ldn.geodata.geotiff;

import java.util.Arrays;
import org.ldn.core.raster.RasterReadException;

/**
 * The affine geotransform of a GeoTIFF, in GDAL order {@code [x0, dx, rx, y0, ry, dy]} for the outer corner of
 * pixel (0, 0), from ModelPixelScale + ModelTiepoint or from ModelTransformation, as GDAL computes it (including
 * its half-pixel shift for PixelIsPoint files). Rotated or sheared transforms, ground control points and
 * non-positive pixel widths are rejected: core grids are north-up.
 */
final class GeoTransformTags {
    private GeoTransformTags() {
    }

    static double[] read(TiffDirectory d, String name, boolean pixelIsPoint) {
        double[] scale = d.doubles(TiffTag.MODEL_PIXEL_SCALE);
        double[] tie = d.doubles(TiffTag.MODEL_TIEPOINT);
        double[] matrix = d.doubles(TiffTag.MODEL_TRANSFORMATION);
        double[] gt;
        double[] fromScale = scale != null && scale.length >= 2 && tie != null && tie.length == 6
                ? new double[] {tie[3] - tie[0] * scale[0], scale[0], 0, tie[4] + tie[1] * scale[1], 0, -scale[1]}
                : null;
        if (matrix != null && matrix.length >= 16) {
            gt = new double[] {matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]};
            if (fromScale != null && !same(gt, fromScale)) {
                // GDAL reads the scale and tiepoint first, other readers the matrix: no answer is safe
                throw new RasterReadException(name + ": contradictory georeferencing: ModelTransformation gives "
                        + Arrays.toString(gt) + " but ModelPixelScale and ModelTiepoint give "
                        + Arrays.toString(fromScale) + " (keep one of them, e.g. re-create the file with"
                        + " `gdal_translate -a_ullr ulx uly lrx lry in.tif out.tif`)");
            }
        } else if (tie != null && tie.length > 6) {
            throw new RasterReadException(name + ": georeferenced by " + tie.length / 6 + " ground control points,"
                    + " not an affine transform (warp it first: `gdalwarp in.tif out.tif`)");
        } else if (fromScale != null) {
            gt = fromScale;
        } else {
            throw new RasterReadException(name + ": no geotransform (ModelPixelScale and ModelTiepoint, or"
                    + " ModelTransformation) (georeference it, e.g. `gdal_translate -a_ullr ulx uly lrx lry in.tif out.tif`)");
        }
        if (pixelIsPoint) {
            gt[0] -= gt[1] * 0.5 + gt[2] * 0.5;
            gt[3] -= gt[4] * 0.5 + gt[5] * 0.5;
        }
        for (double v : gt) {
            if (!Double.isFinite(v)) {
                throw new RasterReadException(name + ": corrupt geotransform " + Arrays.toString(gt)
                        + " (re-create the file)");
            }
        }
        if (gt[2] != 0 || gt[4] != 0) {
            throw new RasterReadException(name + ": rotated or sheared geotransform " + Arrays.toString(gt)
                    + " is not supported, grids must be north-up (warp it: `gdalwarp in.tif out.tif`)");
        }
        if (!(gt[1] > 0) || gt[5] == 0) {
            throw new RasterReadException(name + ": pixel size " + gt[1] + " x " + gt[5] + " is not supported,"
                    + " grids must have a positive pixel width (warp it: `gdalwarp in.tif out.tif`)");
        }
        return gt;
    }

    /** Equal within a millionth of a pixel (origins) and 10⁻⁹ of the pixel size (sizes and rotation terms). */
    private static boolean same(double[] a, double[] b) {
        double px = Math.max(Math.abs(a[1]), Math.abs(a[5]));
        for (int i = 0; i < 6; i++) {
            double tolerance = (i == 0 || i == 3 ? 1e-6 : 1e-9) * px;
            if (!(Math.abs(a[i] - b[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }
}
