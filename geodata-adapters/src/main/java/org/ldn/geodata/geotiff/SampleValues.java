package org.ldn.geodata.geotiff;

import java.nio.ByteBuffer;
import org.ldn.core.raster.SampleType;

/**
 * Converts values handed to the writer into the stored sample type, little-endian. Float values for integer
 * outputs must be integral and in range (NaN becomes the nodata value); a value that cannot be stored exactly is a
 * programming error and throws {@link IllegalArgumentException} rather than being rounded or clipped.
 */
final class SampleValues {
    private SampleValues() {
    }

    static boolean fits(SampleType type, double v) {
        if (type.isFloatingPoint()) {
            return true;
        }
        double lo = type == SampleType.INT16 ? Short.MIN_VALUE : 0;
        double hi = type == SampleType.INT16 ? Short.MAX_VALUE : 255;
        return v == Math.rint(v) && v >= lo && v <= hi;
    }

    static void put(ByteBuffer b, SampleType type, short[] s, int from, int n, double noData) {
        switch (type) {
            case INT16 -> {
                for (int i = from; i < from + n; i++) {
                    b.putShort(s[i]);
                }
            }
            case UINT8 -> {
                for (int i = from; i < from + n; i++) {
                    if (s[i] < 0 || s[i] > 255) {
                        throw new IllegalArgumentException("value " + s[i] + " does not fit UINT8");
                    }
                    b.put((byte) s[i]);
                }
            }
            default -> {
                for (int i = from; i < from + n; i++) {
                    b.putFloat(s[i]);
                }
            }
        }
    }

    static void put(ByteBuffer b, SampleType type, float[] f, int from, int n, double noData) {
        float nd = (float) noData;
        for (int i = from; i < from + n; i++) {
            float v = f[i];
            if (type == SampleType.FLOAT32) {
                b.putFloat(v != v ? nd : v);
                continue;
            }
            double d = v != v ? noData : v;
            if (!fits(type, d)) {
                throw new IllegalArgumentException("value " + v + " does not fit " + type
                        + (v != v ? " (NaN needs a nodata value)" : ""));
            }
            if (type == SampleType.INT16) {
                b.putShort((short) d);
            } else {
                b.put((byte) d);
            }
        }
    }

    /** The GDAL_NODATA text: an integer for integer types, "nan", or the shortest text of the Float32 value. */
    static String noDataText(SampleType type, double noData) {
        if (Double.isNaN(noData)) {
            return "nan";
        }
        if (!type.isFloatingPoint()) {
            return Long.toString((long) noData);
        }
        float f = (float) noData;
        if (f == Math.rint(f) && Math.abs(f) < 1e15) {
            return Long.toString((long) f);
        }
        return Double.toString(f);
    }
}
