package org.ldn.geodata.geotiff;

import org.ldn.core.raster.SampleType;

/**
 * Copies samples of one band out of a decoded block into a {@code double[]}, turning nodata into NaN.
 * Nodata is matched as GDAL matches it: the declared value converted to the sample type (for Float32 the nearest
 * float, so "-3.4e+38" matches the stored -3.3999999521443642e+38; for integer types only an integral value in
 * range matches anything), and NaN always counts as nodata. Immutable.
 */
final class SampleCopy {
    private final SampleType type;
    private final boolean half;
    private final boolean intMatch;
    private final long intNoData;
    private final float floatNoData;
    private final double doubleNoData;

    /** @param noData the declared nodata value, or NaN when none is declared */
    SampleCopy(SampleType type, boolean half, double noData) {
        this.type = type;
        this.half = half;
        boolean integral = !type.isFloatingPoint() && noData == Math.rint(noData) && !Double.isInfinite(noData);
        this.intMatch = integral && noData >= min(type) && noData <= max(type);
        this.intNoData = intMatch ? (long) noData : 0;
        this.floatNoData = (float) noData;
        this.doubleNoData = noData;
    }

    /** The declared nodata value as the sample type stores it (NaN when it cannot match any sample). */
    double storedNoData() {
        if (type == SampleType.FLOAT32) {
            return floatNoData;
        }
        if (type == SampleType.FLOAT64) {
            return doubleNoData;
        }
        return intMatch ? intNoData : Double.NaN;
    }

    /**
     * Copies {@code n} samples from {@code src[from]}, {@code from + stride}, ... to {@code out[to..to+n)}.
     */
    void copy(Object src, int from, int stride, int n, double[] out, int to) {
        int s = from;
        int end = to + n;
        if (half) {
            short[] a = (short[]) src;
            for (int o = to; o < end; o++, s += stride) {
                float v = halfToFloat(a[s]);
                out[o] = v != v || v == floatNoData ? Double.NaN : v;
            }
            return;
        }
        switch (type) {
            case INT8, UINT8 -> {
                byte[] a = (byte[]) src;
                int mask = type == SampleType.UINT8 ? 0xFF : -1;
                for (int o = to; o < end; o++, s += stride) {
                    int v = a[s] & mask;
                    out[o] = intMatch && v == intNoData ? Double.NaN : v;
                }
            }
            case INT16, UINT16 -> {
                short[] a = (short[]) src;
                int mask = type == SampleType.UINT16 ? 0xFFFF : -1;
                for (int o = to; o < end; o++, s += stride) {
                    int v = a[s] & mask;
                    out[o] = intMatch && v == intNoData ? Double.NaN : v;
                }
            }
            case INT32, UINT32 -> {
                int[] a = (int[]) src;
                long mask = type == SampleType.UINT32 ? 0xFFFFFFFFL : -1L;
                for (int o = to; o < end; o++, s += stride) {
                    long v = a[s] & mask;
                    out[o] = intMatch && v == intNoData ? Double.NaN : v;
                }
            }
            case FLOAT32 -> {
                int[] a = (int[]) src;
                for (int o = to; o < end; o++, s += stride) {
                    float v = Float.intBitsToFloat(a[s]);
                    out[o] = v != v || v == floatNoData ? Double.NaN : v;
                }
            }
            case FLOAT64 -> {
                long[] a = (long[]) src;
                for (int o = to; o < end; o++, s += stride) {
                    double v = Double.longBitsToDouble(a[s]);
                    out[o] = v != v || v == doubleNoData ? Double.NaN : v;
                }
            }
            default -> throw new IllegalStateException("unexpected sample type " + type);
        }
    }

    /** IEEE 754 half precision to float (exact); {@code Float.float16ToFloat} needs Java 20. */
    static float halfToFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0) {
            float v = Math.scalb((float) mant, -24);
            return sign != 0 ? -v : v;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    private static double min(SampleType t) {
        return switch (t) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            default -> 0;
        };
    }

    private static double max(SampleType t) {
        return switch (t) {
            case INT8 -> Byte.MAX_VALUE;
            case UINT8 -> 255;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 65535;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 4294967295.0;
            default -> Double.MAX_VALUE;
        };
    }
}
