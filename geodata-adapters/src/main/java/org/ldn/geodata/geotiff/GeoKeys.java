package org.ldn.geodata.geotiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ldn.core.raster.RasterReadException;

/**
 * The GeoTIFF keys of a file as stored: the GeoKeyDirectory (a header of 4 shorts, then 4 shorts per key: id,
 * location tag, count, value or index), with the GeoDoubleParams and GeoAsciiParams it points into. Kept verbatim
 * so that a CRS without an EPSG code can be written out exactly as it was read. Immutable (arrays are copied).
 *
 * @param directory the GeoKeyDirectory shorts (unsigned, as ints)
 * @param doubles   GeoDoubleParams, empty when absent
 * @param ascii     GeoAsciiParams, empty when absent
 */
record GeoKeys(int[] directory, double[] doubles, String ascii) {
    static final int MODEL_TYPE = 1024;
    static final int RASTER_TYPE = 1025;
    static final int GEOGRAPHIC_TYPE = 2048;
    static final int PROJECTED_TYPE = 3072;
    static final int PIXEL_IS_AREA = 1;
    static final int PIXEL_IS_POINT = 2;

    GeoKeys {
        directory = directory.clone();
        doubles = doubles.clone();
    }

    /** The keys of {@code d}, or null when the file has no GeoKeyDirectory. */
    static GeoKeys read(TiffDirectory d, String name) {
        long[] dir = d.longs(TiffTag.GEO_KEY_DIRECTORY);
        if (dir == null) {
            return null;
        }
        if (dir.length < 4 || dir[3] < 0 || dir[3] > (dir.length - 4) / 4) {
            throw new RasterReadException(name + ": corrupt GeoKeyDirectory of " + dir.length
                    + " values (re-create the file)");
        }
        int[] keys = new int[4 + 4 * (int) dir[3]];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (int) (dir[i] & 0xFFFF);
        }
        double[] doubles = d.doubles(TiffTag.GEO_DOUBLE_PARAMS);
        String ascii = d.ascii(TiffTag.GEO_ASCII_PARAMS);
        return new GeoKeys(keys, doubles == null ? new double[0] : doubles, ascii == null ? "" : ascii);
    }

    /** The standard keys of an EPSG geographic (GTModelType 2) or projected (1) CRS, pixels as areas. */
    static GeoKeys epsg(int code, boolean geographic) {
        return new GeoKeys(new int[] {1, 1, 0, 3,
            MODEL_TYPE, 0, 1, geographic ? 2 : 1,
            RASTER_TYPE, 0, 1, PIXEL_IS_AREA,
            geographic ? GEOGRAPHIC_TYPE : PROJECTED_TYPE, 0, 1, code}, new double[0], "");
    }

    int keyCount() {
        return directory[3];
    }

    /** The value of short key {@code id} stored in the directory itself, or -1 when absent. */
    int shortValue(int id) {
        for (int k = 0; k < keyCount(); k++) {
            int at = 4 + 4 * k;
            if (directory[at] == id && directory[at + 1] == 0) {
                return directory[at + 3];
            }
        }
        return -1;
    }

    boolean pixelIsPoint() {
        return shortValue(RASTER_TYPE) == PIXEL_IS_POINT;
    }

    /** These keys with GTRasterTypeGeoKey set to PixelIsArea (added when absent), keys sorted by id. */
    GeoKeys withPixelIsArea() {
        List<int[]> keys = new ArrayList<>();
        for (int k = 0; k < keyCount(); k++) {
            int at = 4 + 4 * k;
            if (directory[at] != RASTER_TYPE) {
                keys.add(Arrays.copyOfRange(directory, at, at + 4));
            }
        }
        keys.add(new int[] {RASTER_TYPE, 0, 1, PIXEL_IS_AREA});
        keys.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] out = new int[4 + 4 * keys.size()];
        System.arraycopy(directory, 0, out, 0, 3);
        out[3] = keys.size();
        for (int k = 0; k < keys.size(); k++) {
            System.arraycopy(keys.get(k), 0, out, 4 + 4 * k, 4);
        }
        return new GeoKeys(out, doubles, ascii);
    }
}
