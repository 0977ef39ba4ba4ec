package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Predictor 2 undone in place equals the textbook definition: each sample plus the undone sample one pixel left. */
class PredictorsTest {
    @ParameterizedTest
    @CsvSource({"1, 1, 1", "3, 7, 1", "5, 256, 1", "4, 30, 2", "2, 33, 3", "6, 1, 1"})
    void undoHorizontalMatchesThePixelByPixelSum(int rows, int pixels, int stride) {
        Random rnd = new Random(rows * 1000L + pixels * 10L + stride);
        int rowSamples = pixels * stride;
        int n = rows * rowSamples;
        byte[] b = new byte[n];
        short[] s = new short[n];
        int[] i4 = new int[n];
        long[] l8 = new long[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt();
            s[i] = (short) rnd.nextInt();
            i4[i] = rnd.nextInt();
            l8[i] = rnd.nextLong();
        }
        long[] eb = reference(widen(b), rows, rowSamples, stride);
        long[] es = reference(widen(s), rows, rowSamples, stride);
        long[] ei = reference(widen(i4), rows, rowSamples, stride);
        long[] el = reference(l8.clone(), rows, rowSamples, stride);
        Predictors.undoHorizontal(b, rows, rowSamples, stride);
        Predictors.undoHorizontal(s, rows, rowSamples, stride);
        Predictors.undoHorizontal(i4, rows, rowSamples, stride);
        Predictors.undoHorizontal(l8, rows, rowSamples, stride);
        for (int i = 0; i < n; i++) {
            eb[i] = (byte) eb[i];
            es[i] = (short) es[i];
            ei[i] = (int) ei[i];
        }
        assertArrayEquals(eb, widen(b));
        assertArrayEquals(es, widen(s));
        assertArrayEquals(ei, widen(i4));
        assertArrayEquals(el, l8);
    }

    /** Sums in 64 bits; narrowing afterwards gives the wrap-around of the sample width. */
    private static long[] reference(long[] v, int rows, int rowSamples, int stride) {
        for (int r = 0; r < rows; r++) {
            for (int x = stride; x < rowSamples; x++) {
                v[r * rowSamples + x] += v[r * rowSamples + x - stride];
            }
        }
        return v;
    }

    private static long[] widen(byte[] a) {
        long[] o = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i];
        }
        return o;
    }

    private static long[] widen(short[] a) {
        long[] o = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i];
        }
        return o;
    }

    private static long[] widen(int[] a) {
        long[] o = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i];
        }
        return o;
    }
}
