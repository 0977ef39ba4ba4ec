package org.ldn.geodata.geotiff;

import java.nio.file.Path;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.apache.sis.storage.event.WarningEvent;
import org.ldn.core.raster.RasterReadException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.Matrix;

/**
 * The coordinate reference system of a GeoTIFF as Apache SIS reads it from the GeoKeys (SIS knows the EPSG
 * database and the GeoTIFF projection codes), with SIS's grid-to-CRS transform for a cross-check of our own
 * reading of the geotransform tags. Pixels are never read through SIS.
 *
 * @param crs          the CRS, null when SIS finds none
 * @param geoTransform SIS's transform of the outer pixel corner in GDAL order, null when it has none or it is
 *                     not affine in two dimensions
 */
record SisGeoreference(CoordinateReferenceSystem crs, double[] geoTransform) {

    static SisGeoreference read(Path file, String name) {
        org.ldn.geodata.crs.EpsgDatabase.install(); // before SIS's first use of its database
        try (DataStore ds = DataStores.open(file)) {
            ds.addListener(WarningEvent.class, e -> { });
            GridCoverageResource r = firstGrid(ds);
            if (r == null) {
                throw new RasterReadException(name + ": Apache SIS finds no image in the file (re-create the file)");
            }
            GridGeometry gg = r.getGridGeometry();
            CoordinateReferenceSystem crs = gg.isDefined(GridGeometry.CRS) ? gg.getCoordinateReferenceSystem() : null;
            double[] gt = null;
            if (gg.isDefined(GridGeometry.GRID_TO_CRS)) {
                Matrix m = MathTransforms.getMatrix(gg.getGridToCRS(PixelInCell.CELL_CORNER));
                if (m != null && m.getNumRow() == 3 && m.getNumCol() == 3) {
                    gt = new double[] {m.getElement(0, 2), m.getElement(0, 0), m.getElement(0, 1),
                        m.getElement(1, 2), m.getElement(1, 0), m.getElement(1, 1)};
                }
            }
            return new SisGeoreference(crs, gt);
        } catch (DataStoreException | RuntimeException e) {
            if (e instanceof RasterReadException r) {
                throw r;
            }
            throw new RasterReadException(name + ": cannot read the coordinate reference system (" + e.getMessage()
                    + ") (check it with `gdalsrsinfo " + file.getFileName() + "`)", e);
        }
    }

    private static GridCoverageResource firstGrid(Resource r) throws DataStoreException {
        if (r instanceof GridCoverageResource g) {
            return g;
        }
        if (r instanceof Aggregate a) {
            for (Resource c : a.components()) {
                GridCoverageResource g = firstGrid(c);
                if (g != null) {
                    return g;
                }
            }
        }
        return null;
    }
}
