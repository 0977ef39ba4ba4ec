package org.ldn.geodata.geotiff;

/**
 * Undoes TIFF predictors on decoded rows. Horizontal differencing (predictor 2) adds each sample to the previous
 * sample of the same band, in the sample's integer width (floating-point samples as their bit patterns, as libtiff
 * does). The floating-point predictor (3) is undone as libtiff's {@code fpAcc}: a byte-wise running sum along the
 * row, then the row's byte planes (most significant first) are interleaved back into words, independent of the
 * file's byte order.
 */
final class Predictors {
    private Predictors() {
    }

    /**
     * Predictor 2 on {@code rows} rows of {@code rowSamples} samples, {@code stride} samples per pixel. Single-band
     * rows keep the running sum in a register: {@code a[i] += a[i - 1]} would wait for each store to reach the next
     * load, about five times slower on large byte rasters.
     */
    static void undoHorizontal(Object samples, int rows, int rowSamples, int stride) {
        // one method per sample type: with one method for all, the JIT's code for it after it had seen two types
        // ran the byte rows three times slower than its code for bytes alone (a run reads bytes and shorts alike)
        if (samples instanceof byte[] a) {
            undoBytes(a, rows, rowSamples, stride);
        } else if (samples instanceof short[] a) {
            undoShorts(a, rows, rowSamples, stride);
        } else if (samples instanceof int[] a) {
            undoInts(a, rows, rowSamples, stride);
        } else {
            undoLongs((long[]) samples, rows, rowSamples, stride);
        }
    }

    private static void undoBytes(byte[] a, int rows, int rowSamples, int stride) {
        for (int r = 0; r < rows; r++) {
            int base = r * rowSamples;
            int end = base + rowSamples;
            if (stride == 1) {
                byte acc = 0;
                for (int i = base; i < end; i++) {
                    acc += a[i];
                    a[i] = acc;
                }
            } else {
                for (int i = base + stride; i < end; i++) {
                    a[i] += a[i - stride];
                }
            }
        }
    }

    private static void undoShorts(short[] a, int rows, int rowSamples, int stride) {
        for (int r = 0; r < rows; r++) {
            int base = r * rowSamples;
            int end = base + rowSamples;
            if (stride == 1) {
                short acc = 0;
                for (int i = base; i < end; i++) {
                    acc += a[i];
                    a[i] = acc;
                }
            } else {
                for (int i = base + stride; i < end; i++) {
                    a[i] += a[i - stride];
                }
            }
        }
    }

    private static void undoInts(int[] a, int rows, int rowSamples, int stride) {
        for (int r = 0; r < rows; r++) {
            int base = r * rowSamples;
            int end = base + rowSamples;
            if (stride == 1) {
                int acc = 0;
                for (int i = base; i < end; i++) {
                    acc += a[i];
                    a[i] = acc;
                }
            } else {
                for (int i = base + stride; i < end; i++) {
                    a[i] += a[i - stride];
                }
            }
        }
    }

    private static void undoLongs(long[] a, int rows, int rowSamples, int stride) {
        for (int r = 0; r < rows; r++) {
            int base = r * rowSamples;
            for (int i = base + stride, end = base + rowSamples; i < end; i++) {
                a[i] += a[i - stride];
            }
        }
    }

    /**
     * Predictor 3: turns {@code raw} ({@code rows} rows of {@code rowSamples} samples of {@code bytesPerSample}
     * bytes, modified in place) into the sample bits of {@code out} ({@code short[]}, {@code int[]} or
     * {@code long[]} for 2, 4 or 8 bytes).
     */
    static void undoFloatingPoint(byte[] raw, int rows, int rowSamples, int stride, int bytesPerSample, Object out) {
        int rowBytes = rowSamples * bytesPerSample;
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            for (int i = base + stride, end = base + rowBytes; i < end; i++) {
                raw[i] += raw[i - stride];
            }
            int o = r * rowSamples;
            int p1 = base + rowSamples;
            if (out instanceof short[] a) {
                for (int w = 0; w < rowSamples; w++) {
                    a[o + w] = (short) (((raw[base + w] & 0xFF) << 8) | (raw[p1 + w] & 0xFF));
                }
            } else if (out instanceof int[] a) {
                int p2 = p1 + rowSamples;
                int p3 = p2 + rowSamples;
                for (int w = 0; w < rowSamples; w++) {
                    a[o + w] = ((raw[base + w] & 0xFF) << 24) | ((raw[p1 + w] & 0xFF) << 16)
                            | ((raw[p2 + w] & 0xFF) << 8) | (raw[p3 + w] & 0xFF);
                }
            } else {
                long[] a = (long[]) out;
                for (int w = 0; w < rowSamples; w++) {
                    long v = 0;
                    for (int k = 0; k < 8; k++) {
                        v = (v << 8) | (raw[base + k * rowSamples + w] & 0xFF);
                    }
                    a[o + w] = v;
                }
            }
        }
    }
}
