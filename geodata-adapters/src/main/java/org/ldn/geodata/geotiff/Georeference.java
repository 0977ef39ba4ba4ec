package org.ldn.geodata.geotiff;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.raster.RasterReadException;
import org.ldn.geodata.crs.Crs;
import org.ldn.geodata.crs.CrsCache;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * A GeoTIFF's CRS as Apache SIS reads it from the GeoKeys ({@link SisGeoreference}), described for core, with SIS's
 * geotransform for the cross-check. What SIS made of a set of georeferencing tags is remembered in the
 * {@link CrsCache} (keyed by the SHA-256 of the tags SIS reads it from) when it comes back identical from there, so
 * a file whose tags were seen before is opened without SIS's GeoTIFF reader and its EPSG database.
 *
 * @param crs          the CRS as core sees it
 * @param geoTransform SIS's transform of the outer pixel corner in GDAL order, or null
 */
record Georeference(CrsInfo crs, double[] geoTransform) {
    /** The tags SIS's georeferencing depends on (with the image size, to be safe). */
    private static final int[] TAGS = {TiffTag.IMAGE_WIDTH, TiffTag.IMAGE_LENGTH, TiffTag.MODEL_PIXEL_SCALE,
        TiffTag.MODEL_TIEPOINT, TiffTag.MODEL_TRANSFORMATION, TiffTag.GEO_KEY_DIRECTORY, TiffTag.GEO_DOUBLE_PARAMS,
        TiffTag.GEO_ASCII_PARAMS};

    static Georeference read(Path path, String name, TiffDirectory dir) {
        String key = key(dir);
        Georeference known = parse(CrsCache.find("geotiff", key),
                () -> Crs.eastNorth(SisGeoreference.read(path, name).crs()));
        if (known != null) {
            return known;
        }
        SisGeoreference sis = SisGeoreference.read(path, name);
        if (sis.crs() == null) {
            throw new RasterReadException(name + ": no usable coordinate reference system in the GeoTIFF keys"
                    + " (assign one, e.g. `gdal_edit.py -a_srs EPSG:4326 " + path.getFileName() + "`)");
        }
        Georeference g = new Georeference(Crs.describe(sis.crs()), sis.geoTransform());
        if (Crs.canRemember(sis.crs(), g.crs())) {
            CrsCache.put("geotiff", key, g.format());
        }
        return g;
    }

    /** {@code epsg|-} TAB {@code geotransform|-} TAB WKT. */
    private String format() {
        StringBuilder sb = new StringBuilder(crs.epsg() == null ? "-" : crs.epsg().toString()).append('\t');
        if (geoTransform == null) {
            sb.append('-');
        } else {
            for (int i = 0; i < geoTransform.length; i++) {
                sb.append(i == 0 ? "" : ",").append(geoTransform[i]); // Double.toString: read back exactly
            }
        }
        return sb.append('\t').append(crs.wkt()).toString();
    }

    private static Georeference parse(String value, Supplier<CoordinateReferenceSystem> original) {
        if (value == null) {
            return null;
        }
        try {
            String[] f = value.split("\t", 3);
            double[] gt = null;
            if (!f[1].equals("-")) {
                gt = Arrays.stream(f[1].split(",")).mapToDouble(Double::parseDouble).toArray();
                if (gt.length != 6) {
                    return null;
                }
            }
            CrsInfo crs = Crs.known(f[2], f[0].equals("-") ? null : Integer.valueOf(f[0]), original);
            return crs == null ? null : new Georeference(crs, gt);
        } catch (RuntimeException e) {
            return null; // a damaged entry: ask SIS
        }
    }

    private static String key(TiffDirectory dir) {
        StringBuilder sb = new StringBuilder();
        for (int tag : TAGS) {
            sb.append(tag).append(':');
            if (tag == TiffTag.GEO_ASCII_PARAMS) {
                sb.append(dir.ascii(tag));
            } else if (tag == TiffTag.IMAGE_WIDTH || tag == TiffTag.IMAGE_LENGTH || tag == TiffTag.GEO_KEY_DIRECTORY) {
                sb.append(Arrays.toString(dir.longs(tag)));
            } else {
                sb.append(Arrays.toString(dir.doubles(tag)));
            }
            sb.append('\n');
        }
        return CrsCache.key(sb.toString());
    }
}
