package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.zip.Adler32;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RowDeflate's zlib streams inflate with the JDK's zlib to exactly their input, on seeded inputs of every kind a
 * tile can hold (runs, repeated rows, noise, single values, odd lengths); its Huffman codes are complete prefix
 * codes within their length limit.
 */
class RowDeflateTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void inflatesToItsInput(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        RowDeflate d = new RowDeflate();
        for (int k = 0; k < 40; k++) {
            Case c = nextCase(rnd);
            byte[] z = compress(d, c.in, c.length, c.rowBytes, c.sampleBytes);
            assertArrayEquals(java.util.Arrays.copyOf(c.in, c.length), inflate(z, c.length),
                    "seed " + seed + " case " + k);
        }
    }

    /**
     * The streams of 1- and 4-byte samples are byte for byte those of the encoder before its parse took literals in
     * one branch and its codes from per-tile tables (CRC-32 of those streams among the seeded cases above, recorded
     * with that encoder), so those maps did not change. The streams of 2-byte samples (the sample-by-sample parse)
     * are those of a first implementation of that parse that computed its candidates as bit masks over the whole
     * tile, before looking for matches (CRC-32 recorded with it): the two implementations chose the same items.
     */
    @org.junit.jupiter.api.Test
    void sameStreamsAsBefore() {
        java.util.zip.CRC32 bytes = new java.util.zip.CRC32();
        java.util.zip.CRC32 samples = new java.util.zip.CRC32();
        RowDeflate d = new RowDeflate();
        for (long seed = 1; seed <= 12; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int k = 0; k < 40; k++) {
                Case c = nextCase(rnd);
                (c.sampleBytes == 2 ? samples : bytes).update(compress(d, c.in, c.length, c.rowBytes, c.sampleBytes));
            }
        }
        assertEquals(BYTE_STREAMS_CRC, bytes.getValue(), "1- and 4-byte samples");
        assertEquals(SAMPLE_STREAMS_CRC, samples.getValue(), "2-byte samples");
    }

    /** A seeded input of {@link #inflatesToItsInput} and {@link #sameStreamsAsBefore}: 16 spare bytes after it. */
    private record Case(byte[] in, int length, int rowBytes, int sampleBytes) {
    }

    private static Case nextCase(SplittableRandom rnd) {
        int sampleBytes = new int[] {1, 2, 4}[rnd.nextInt(3)];
        int width = 1 + rnd.nextInt(300);
        int rows = 1 + rnd.nextInt(40);
        byte[] in = new byte[width * sampleBytes * rows + 16];
        int length = width * sampleBytes * rows;
        fill(in, length, width * sampleBytes, sampleBytes, rnd.nextInt(6), rnd);
        return new Case(in, length, width * sampleBytes, sampleBytes);
    }

    private static final long BYTE_STREAMS_CRC = 3989274808L;
    private static final long SAMPLE_STREAMS_CRC = 3576961219L;

    /**
     * 2-byte samples: the steps with bounds checks (the first sample, the end of an array that ends with the tile)
     * choose what the fast steps choose where the array goes on: the same stream from an array of exactly the tile
     * and from one with room after it, on 256 x 256 tiles of class patches after the predictor and on rows longer
     * than DEFLATE's window (no row candidate).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void boundsCheckedStepsAgreeWithFastOnes(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        RowDeflate d = new RowDeflate();
        for (int k = 0; k < 8; k++) {
            boolean wide = k % 4 == 3;
            int width = wide ? 16400 + rnd.nextInt(100) : 256;
            int rows = wide ? 3 : 256;
            int length = width * 2 * rows;
            byte[] tight = new byte[length];
            int[] v = new int[width * rows];
            int patch = 1 + rnd.nextInt(30);
            for (int i = 0; i < v.length; i++) {
                // class patches that shift from row to row, a few classes and nodata
                int c = i % width + (i / width) * rnd.nextInt(3) / 2;
                v[i] = rnd.nextInt(60) == 0 ? -32768 : (c / patch) % 5 - 1;
            }
            for (int i = 0; i < v.length; i++) {
                int diff = i % width == 0 ? v[i] : v[i] - v[i - 1];
                tight[2 * i] = (byte) diff;
                tight[2 * i + 1] = (byte) (diff >> 8);
            }
            byte[] roomy = java.util.Arrays.copyOf(tight, 2 * length + 4096);
            byte[] z = compress(d, tight, length, width * 2, 2);
            assertArrayEquals(tight, inflate(z, length), "seed " + seed + " case " + k);
            assertArrayEquals(z, compress(d, roomy, length, width * 2, 2), "seed " + seed + " case " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 8, 9, 257, 258, 259, 65536, 131072})
    void runsOfEveryLengthAndTheEmptyEdge(int length) throws Exception {
        byte[] in = new byte[length];
        RowDeflate d = new RowDeflate();
        assertArrayEquals(in, inflate(compress(d, in, length, 512, 2), length));
        in[length - 1] = 5;
        assertArrayEquals(in, inflate(compress(d, in, length, 512, 2), length));
    }

    /** Frequencies that would need codes longer than 15 bits (Fibonacci) are limited and stay complete. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 19, 30, 286})
    void huffmanLengthsAreLimitedAndComplete(int count) {
        SplittableRandom rnd = new SplittableRandom(count);
        RowDeflate.Huffman huffman = new RowDeflate.Huffman(); // one for all, as an encoder reuses its own
        for (int k = 0; k < 50; k++) {
            int[] freq = new int[count];
            int a = 1;
            int b = 1;
            for (int s = 0; s < count; s++) {
                if (k % 2 == 0) {
                    freq[s] = a;
                    int c = a + b;
                    a = b;
                    b = Math.min(c, 1 << 28);
                } else {
                    freq[s] = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(1000);
                }
            }
            freq[0] = Math.max(freq[0], 1);
            freq[count - 1] = Math.max(freq[count - 1], 1);
            int limit = count == 19 ? 7 : 15;
            int[] len = new int[count];
            huffman.lengths(freq, count, limit, len);
            double kraft = 0;
            for (int s = 0; s < count; s++) {
                assertEquals(freq[s] > 0, len[s] > 0, "symbol " + s + " has a code iff it is used");
                assertTrue(len[s] <= limit, "length " + len[s]);
                kraft += len[s] > 0 ? Math.scalb(1.0, -len[s]) : 0;
            }
            assertEquals(1.0, kraft, 0, "complete prefix code");
            for (int s = 0; s < count; s++) {
                for (int t = 0; t < count; t++) {
                    if (freq[s] > freq[t] && len[t] > 0) {
                        assertTrue(len[s] <= len[t], "a more frequent symbol never gets a longer code");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 24, 25, 385, 512, 513, 1024, 24577, 32768})
    void distanceCodesFollowTheTable(int d) {
        int[] base = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
            2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
        int expected = 0;
        while (expected + 1 < base.length && base[expected + 1] <= d) {
            expected++;
        }
        assertEquals(expected, RowDeflate.distanceCode(d));
    }

    private static void fill(byte[] in, int length, int rowBytes, int sampleBytes, int kind, SplittableRandom rnd) {
        switch (kind) {
            case 0 -> rnd.nextBytes(in); // noise
            case 1 -> { // class patches of random length, as little-endian samples
                int i = 0;
                while (i < length) {
                    int v = rnd.nextInt(5) - 2;
                    int run = 1 + rnd.nextInt(60);
                    for (int r = 0; r < run && i < length; r++) {
                        for (int b = 0; b < sampleBytes && i < length; b++) {
                            in[i++] = (byte) (v >> (8 * b));
                        }
                    }
                }
            }
            case 2 -> { // rows that repeat the row above, sometimes changed
                for (int i = 0; i < length; i++) {
                    in[i] = i < rowBytes || rnd.nextInt(50) == 0 ? (byte) rnd.nextInt(4) : in[i - rowBytes];
                }
            }
            case 3 -> java.util.Arrays.fill(in, (byte) rnd.nextInt(256)); // one value
            case 4 -> { // sparse noise in zeros
                for (int i = 0; i < length; i++) {
                    in[i] = rnd.nextInt(20) == 0 ? (byte) rnd.nextInt(256) : 0;
                }
            }
            default -> { // long runs of few values: lengths near 258 and beyond
                int i = 0;
                while (i < length) {
                    byte v = (byte) rnd.nextInt(3);
                    int run = 200 + rnd.nextInt(400);
                    for (int r = 0; r < run && i < length; r++) {
                        in[i++] = v;
                    }
                }
            }
        }
    }

    private static byte[] inflate(byte[] z, int length) throws Exception {
        assertEquals(0, ((z[0] & 255) * 256 + (z[1] & 255)) % 31, "zlib header check");
        Inflater inf = new Inflater();
        inf.setInput(z);
        byte[] out = new byte[length + 1];
        int n = inf.inflate(out);
        assertTrue(inf.finished(), "stream complete");
        assertEquals(0, inf.getRemaining(), "nothing after the Adler-32 trailer");
        assertEquals(length, n);
        Adler32 a = new Adler32();
        a.update(out, 0, n);
        assertEquals(a.getValue(), inf.getAdler() & 0xFFFF_FFFFL);
        return java.util.Arrays.copyOf(out, n);
    }

    /** The encoder's stream, in an array of exactly its size. */
    private static byte[] compress(RowDeflate d, byte[] in, int length, int rowBytes, int sampleBytes) {
        int n = d.compressInto(in, length, rowBytes, sampleBytes); // first: it may replace the output buffer
        return java.util.Arrays.copyOf(d.output(), n);
    }
}
