package org.ldn.geodata.geotiff;

import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A DEFLATE encoder (RFC 1951, in the zlib wrapper of RFC 1950 that TIFF's compression 8 uses) for tiles of class
 * maps: matches are looked for only one byte, one sample and one row back (runs of a class and rows that repeat the
 * row above, which is where class maps compress), then the whole tile is written as one block with Huffman codes
 * built for it. Measured on 256 x 256 Int16 tiles of class maps: as fast as zlib's level 1 on noisy tiles (the
 * parse is bound by unpredictable branches, as zlib's is) and two to three times faster on smooth ones, for output of
 * about the same size (noisy) or half of it (smooth); any inflater reads it. Tiles of 2-byte samples (our Int16 maps)
 * are parsed a sample at a time ({@link #parseSamples}): on the maps of the mixed benchmark, about twice as fast as
 * the byte-by-byte parse, for streams 9 % smaller (docs/benchmarks.md).
 * Written by hand: the JDK's zlib has no run-length strategy nor anything faster than level 1, and no library on
 * Maven Central offers a faster DEFLATE in pure Java. One per thread (it keeps its buffers).
 */
final class RowDeflate {
    private static final int MAX_MATCH = 258;
    private static final int LITLEN_CODES = 286;
    private static final int DIST_CODES = 30;
    private static final int MAX_BITS = 15;
    /** Order in which the code-length code lengths are sent (RFC 1951, 3.2.7). */
    private static final int[] CL_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    /** Length code (257..285) of each match length 3..258, its extra bits and the length its code starts at. */
    private static final int[] LENGTH_CODE = new int[MAX_MATCH + 1];
    private static final int[] LENGTH_EXTRA = new int[LITLEN_CODES];
    private static final int[] LENGTH_BASE = new int[LITLEN_CODES];

    static {
        int[] extra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        int length = 3;
        for (int c = 0; c < 28; c++) {
            LENGTH_EXTRA[257 + c] = extra[c];
            LENGTH_BASE[257 + c] = length;
            for (int k = 0; k < 1 << extra[c]; k++) {
                LENGTH_CODE[length++] = 257 + c;
            }
        }
        LENGTH_CODE[MAX_MATCH] = 285; // 258 has a code of its own, without extra bits
        LENGTH_BASE[285] = MAX_MATCH;
    }

    private static final java.lang.invoke.VarHandle INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private int[] items = new int[0];
    private byte[] out = new byte[0];
    private final int[] litFreq = new int[LITLEN_CODES];
    private final int[] distFreq = new int[DIST_CODES];
    private final int[] litLen = new int[LITLEN_CODES];
    private final int[] distLen = new int[DIST_CODES];
    private final int[] litCode = new int[LITLEN_CODES];
    private final int[] distCode = new int[DIST_CODES];
    private final Adler32 adler = new Adler32();
    /** The block header's scratch, reused from tile to tile (a tile's header used to allocate ten small arrays). */
    private final Huffman huffman = new Huffman();
    private final int[] allLengths = new int[LITLEN_CODES + DIST_CODES];
    private final int[] rle = new int[LITLEN_CODES + DIST_CODES];
    private final int[] rleExtra = new int[LITLEN_CODES + DIST_CODES];
    private final int[] clFreq = new int[19];
    private final int[] clLen = new int[19];
    private final int[] clCode = new int[19];
    /** The distance of each slot an item may name (1 one byte, 2 one sample, 3 one row), set by {@link #parse}. */
    private final int[] slotDistance = new int[4];
    /**
     * Per tile, the bits of an item's first part (a literal 0..255, or 256 + a match length: its code and extra
     * bits) and of its second (slot 0: nothing, after a literal; 1..3: the distance's code and extra bits), and
     * how many bits each has.
     */
    private final long[] firstBits = new long[SLOT_BASE + 4];
    private final int[] firstCount = new int[SLOT_BASE + 4];
    /** Where {@link #firstBits} also holds the distances' codes of the slots, for {@link #parseSamples}' items. */
    private static final int SLOT_BASE = 256 + MAX_MATCH + 1;
    private final long[] secondBits = new long[4];
    private final int[] secondCount = new int[4];
    private long bits;
    private int bitCount;
    private int pos;

    /**
     * Compresses {@code in[0, length)}, rows of {@code rowBytes} bytes and samples of {@code sampleBytes}, into a zlib
     * stream in {@link #output()}; returns the stream's length. The stream is valid until this encoder's next call
     * (the writer writes it at once, so it needs no copy of its own).
     */
    int compressInto(byte[] in, int length, int rowBytes, int sampleBytes) {
        boolean samples = sampleBytes == 2 && rowBytes % 2 == 0 && length % 2 == 0;
        int n = samples ? parseSamples(in, length, rowBytes) : parse(in, length, rowBytes, sampleBytes);
        // literal samples take at most 30 bits for 16 (codes of 15 bits at most), items and the header far fewer
        int capacity = 2 * length + 1024;
        if (out.length < capacity) {
            out = new byte[capacity];
        }
        pos = 0;
        bits = 0;
        bitCount = 0;
        out[pos++] = 0x78; // deflate, 32 KB window
        out[pos++] = 0x01; // fastest; (0x78 × 256 + 0x01) is a multiple of 31
        writeBlock(n, samples);
        flushBits();
        adler.reset();
        adler.update(in, 0, length);
        int a = (int) adler.getValue();
        out[pos++] = (byte) (a >>> 24);
        out[pos++] = (byte) (a >>> 16);
        out[pos++] = (byte) (a >>> 8);
        out[pos++] = (byte) a;
        return pos;
    }

    /** The buffer {@link #compressInto} writes its stream to, from index 0. */
    byte[] output() {
        return out;
    }

    /**
     * Greedy LZ77 over three distances: 1, one sample and one row. Items: a literal byte, or
     * {@code (256 + length) | slot << 16} with the distance's slot 1 (one byte), 2 (one sample) or 3 (one row).
     * Returns the number of items.
     */
    private int parse(byte[] in, int length, int rowBytes, int sampleBytes) {
        slotDistance[1] = 1;
        slotDistance[2] = sampleBytes;
        slotDistance[3] = rowBytes;
        if (items.length < length) {
            items = new int[length];
        }
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        int[] it = items;
        int n = 0;
        int i = 0;
        while (i < length) {
            int max = Math.min(MAX_MATCH, length - i);
            int best = 0;
            int dist = 0;
            if (max >= 3 && i >= rowBytes && i + 4 <= in.length && noCandidate(in, i, sampleBytes, rowBytes)) {
                max = 0; // a literal (what the checks below would find, in one well-predicted branch)
            }
            if (max >= 3) {
                // a candidate is extended only when its first three bytes match and it can beat the best so far
                if (i >= 1 && in[i] == in[i - 1] && in[i + 1] == in[i] && in[i + 2] == in[i]) {
                    best = match(in, i, i - 1, max);
                    dist = 1;
                }
                int j = i - sampleBytes;
                if (sampleBytes > 1 && j >= 0 && best < max && in[i + best] == in[j + best] && in[i] == in[j]
                        && in[i + 1] == in[j + 1] && in[i + 2] == in[j + 2]) {
                    int l = match(in, i, j, max);
                    if (l > best) {
                        best = l;
                        dist = sampleBytes;
                    }
                }
                j = i - rowBytes;
                if (j >= 0 && rowBytes <= 32768 && best + 1 < max && in[i + best + 1] == in[j + best + 1]
                        && in[i] == in[j] && in[i + 1] == in[j + 1] && in[i + 2] == in[j + 2]) {
                    int l = match(in, i, j, max);
                    if (l > best + 1) { // a far match costs a few bits more than a near one
                        best = l;
                        dist = rowBytes;
                    }
                }
            }
            if (best >= 3) {
                it[n++] = (256 + best) | (dist == 1 ? 1 : dist == sampleBytes ? 2 : 3) << 16;
                litFreq[LENGTH_CODE[best]]++;
                distFreq[distanceCode(dist)]++;
                i += best;
            } else {
                int b = in[i] & 0xFF;
                it[n++] = b;
                litFreq[b]++;
                i++;
            }
        }
        litFreq[256]++; // end of block
        return n;
    }

    /**
     * Greedy LZ77 over the same three distances for tiles of 2-byte samples, a sample at a time: matches start and
     * end on sample boundaries, a sample where none starts is two literals (half the decisions of {@link #parse},
     * for streams of about the same size). Where a match starts, the three candidates' lengths come from 8-byte
     * comparisons without a branch, and the longest wins (a row match must be a sample longer: its distance costs
     * more bits). Items: {@code lo | hi << 16} for a literal sample, {@code (256 + length) | (SLOT_BASE + slot) <<
     * 16} for a match (length in bytes, slot 1..3 as in {@link #parse}): the indexes of their two codes in
     * {@link #firstBits}. Returns the number of items.
     */
    private int parseSamples(byte[] in, int length, int rowBytes) {
        // without a row candidate (rows longer than the window), the row candidate repeats the sample candidate
        int row = rowBytes <= 32768 ? rowBytes : 2;
        slotDistance[1] = 1;
        slotDistance[2] = 2;
        slotDistance[3] = row;
        int[] slotCode = {0, distanceCode(1), distanceCode(2), distanceCode(row)}; // by slot 1..3
        if (items.length < length / 2 + 1) {
            items = new int[length / 2 + 1];
        }
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        int n = 0;
        int i = 0;
        // the first sample; the first row, whose row candidate repeats the sample candidate; the rest; and, sample
        // by sample with bounds, the last bytes when the array ends there
        int fastEnd = Math.min(length, in.length - 2 * MAX_MATCH - 16);
        while (i < Math.min(2, length)) {
            n = slowStep(in, i, length, row, n, slotCode);
            i = stepEnd;
        }
        if (i < Math.min(row, fastEnd)) {
            n = fastSteps(in, i, Math.min(row, fastEnd), length, 2, n, slotCode);
            i = stepEnd;
        }
        while (i < length && i < row) {
            n = slowStep(in, i, length, row, n, slotCode);
            i = stepEnd;
        }
        if (i < fastEnd) {
            n = fastSteps(in, i, fastEnd, length, row, n, slotCode);
            i = stepEnd;
        }
        while (i < length) {
            n = slowStep(in, i, length, row, n, slotCode);
            i = stepEnd;
        }
        litFreq[256]++; // end of block
        return n;
    }

    /**
     * Steps of {@link #parseSamples} from byte {@code i} (even, at least {@code row}) while before {@code end},
     * where every load stays in the array (lengths are clamped to the tile): a literal sample, or a match of two
     * samples at least, the longest of the three candidates, chosen without a branch. Sets {@link #stepEnd};
     * returns the number of items.
     */
    private int fastSteps(byte[] in, int i, int end, int length, int row, int n, int[] slotCode) {
        int[] it = items;
        int[] lit = litFreq;
        int[] dist = distFreq;
        while (i < end) {
            long y = (long) LONGS.get(in, i);
            long e1 = y ^ (long) LONGS.get(in, i - 1); // zero bytes: equal at that distance
            long e2 = y ^ (long) LONGS.get(in, i - 2);
            long er = y ^ (long) LONGS.get(in, i - row);
            if (((int) e1 == 0 | (int) e2 == 0 | (int) er == 0) && length - i >= 4) {
                int ld = Long.numberOfTrailingZeros(e1) >>> 4; // equal samples among these four
                int lp = Long.numberOfTrailingZeros(e2) >>> 4;
                int lr = Long.numberOfTrailingZeros(er) >>> 4;
                int capBytes = Math.min(MAX_MATCH, length - i);
                if ((ld | lp | lr) >= 4) { // eight bytes equal: on
                    ld = ld == 4 ? 4 + sameSamples(in, i + 8, i + 7, capBytes - 8) : ld;
                    lp = lp == 4 ? 4 + sameSamples(in, i + 8, i + 6, capBytes - 8) : lp;
                    lr = lr == 4 ? 4 + sameSamples(in, i + 8, i + 8 - row, capBytes - 8) : lr;
                }
                int capSamples = capBytes >>> 1;
                int key = Math.max(Math.max(Math.min(ld, capSamples) << 2 | 2, Math.min(lp, capSamples) << 2 | 1),
                        Math.min(lr, capSamples) - 1 << 2 | 3);
                int slot = SLOT_OF_KEY[key & 3];
                int len = 2 * ((key >> 2) + (key & (key >>> 1) & 1));
                it[n++] = (256 + len) | (SLOT_BASE + slot) << 16;
                lit[LENGTH_CODE[len]]++;
                dist[slotCode[slot]]++;
                i += len;
            } else {
                int lo = (int) y & 0xFF;
                int hi = (int) y >>> 8 & 0xFF;
                it[n++] = lo | hi << 16;
                lit[lo]++;
                lit[hi]++;
                i += 2;
            }
        }
        stepEnd = i;
        return n;
    }

    /** Where the last {@link #slowStep} or {@link #fastSteps} ended. */
    private int stepEnd;

    /** One step of {@link #parseSamples} at {@code i} with bounds checks; returns the number of items. */
    private int slowStep(byte[] in, int i, int length, int row, int n, int[] slotCode) {
        int capBytes = Math.min(MAX_MATCH, length - i);
        int ld = i >= 1 ? sameSamplesSlow(in, i, i - 1, capBytes) : 0;
        int lp = i >= 2 ? sameSamplesSlow(in, i, i - 2, capBytes) : 0;
        int lr = i >= row ? sameSamplesSlow(in, i, i - row, capBytes) : 0;
        int key = Math.max(Math.max(ld << 2 | 2, lp << 2 | 1), lr - 1 << 2 | 3);
        int slot = SLOT_OF_KEY[key & 3];
        int best = (key >> 2) + (key & (key >>> 1) & 1);
        if (best < 2) {
            int lo = in[i] & 0xFF;
            int hi = in[i + 1] & 0xFF;
            items[n++] = lo | hi << 16;
            litFreq[lo]++;
            litFreq[hi]++;
            stepEnd = i + 2;
        } else {
            int len = 2 * best;
            items[n++] = (256 + len) | (SLOT_BASE + slot) << 16;
            litFreq[LENGTH_CODE[len]]++;
            distFreq[slotCode[slot]]++;
            stepEnd = i + len;
        }
        return n;
    }

    /** The slot (1 one byte, 2 one sample, 3 one row) of a candidate's key's low bits (see {@link #parseSamples}). */
    private static final int[] SLOT_OF_KEY = {0, 2, 1, 3};

    /**
     * Number of whole 2-byte samples equal in in[i..] and in[j..] (j < i), eight bytes at a time: at least
     * {@code maxBytes / 2} when all are (the loads may read up to 8 bytes past {@code i + maxBytes}, within the array).
     */
    private static int sameSamples(byte[] in, int i, int j, int maxBytes) {
        int k = 0;
        for (; k < maxBytes; k += 8) {
            long x = (long) LONGS.get(in, i + k) ^ (long) LONGS.get(in, j + k);
            if (x != 0) {
                return (k + (Long.numberOfTrailingZeros(x) >>> 3)) >>> 1;
            }
        }
        return k >>> 1;
    }

    /** Number of whole 2-byte samples equal in in[i..] and in[j..] (j < i) within {@code maxBytes}, byte by byte. */
    private static int sameSamplesSlow(byte[] in, int i, int j, int maxBytes) {
        int k = 0;
        while (k < maxBytes && in[i + k] == in[j + k]) {
            k++;
        }
        return k >>> 1;
    }

    /**
     * True when the three bytes at {@code i} differ from the three at each candidate distance (1, one sample, one
     * row; all within the array): then no candidate can match, and the byte is a literal. Branch-free, four loads.
     */
    private static boolean noCandidate(byte[] in, int i, int sampleBytes, int rowBytes) {
        int w = (int) INTS.get(in, i) & 0xFF_FFFF;
        int near = ((int) INTS.get(in, i - 1) ^ w) & 0xFF_FFFF;
        int sample = ((int) INTS.get(in, i - sampleBytes) ^ w) & 0xFF_FFFF;
        int row = ((int) INTS.get(in, i - rowBytes) ^ w) & 0xFF_FFFF;
        return (near != 0) & (sample != 0) & (row != 0);
    }

    /**
     * Length of the match of in[i..] with in[j..] (j < i), at most {@code max} (i + max within the array): eight
     * bytes at a time, inline. Most matches of class maps are a few bytes long, where {@code Arrays.mismatch}'s call
     * and set-up cost more than the comparison (it was 40 % of the encoding time).
     */
    static int match(byte[] in, int i, int j, int max) {
        int k = 0;
        for (; k + 8 <= max; k += 8) {
            long x = (long) LONGS.get(in, i + k) ^ (long) LONGS.get(in, j + k);
            if (x != 0) {
                return k + (Long.numberOfTrailingZeros(x) >>> 3);
            }
        }
        while (k < max && in[i + k] == in[j + k]) {
            k++;
        }
        return k;
    }

    /** Distance code 0..29 of a distance 1..32768. */
    static int distanceCode(int d) {
        if (d <= 4) {
            return d - 1;
        }
        int b = 31 - Integer.numberOfLeadingZeros(d - 1);
        return 2 * b + ((d - 1) >>> (b - 1) & 1);
    }

    /**
     * Writes the block: its header, then its n items and the end code. The steps are methods of their own, so that the
     * JIT compiles each of their loops in a small method rather than this whole one again for each.
     */
    private void writeBlock(int n, boolean samples) {
        writeHeader();
        if (out.length < pos + 6L * n + 64) { // room for the items: at most 48 bits an item
            out = Arrays.copyOf(out, pos + 6 * n + 64);
        }
        fillCodeTables();
        if (samples) {
            writeSampleItems(n);
        } else {
            writeItems(n);
        }
        putBits(litCode[256], litLen[256]);
    }

    /** The block header: final, dynamic Huffman codes, and the two trees' code lengths (RFC 1951, 3.2.7). */
    private void writeHeader() {
        atLeastTwo(litFreq);
        atLeastTwo(distFreq);
        huffman.lengths(litFreq, LITLEN_CODES, MAX_BITS, litLen);
        huffman.lengths(distFreq, DIST_CODES, MAX_BITS, distLen);
        huffman.codes(litLen, LITLEN_CODES, litCode);
        huffman.codes(distLen, DIST_CODES, distCode);
        int hlit = LITLEN_CODES;
        while (hlit > 257 && litLen[hlit - 1] == 0) {
            hlit--;
        }
        int hdist = DIST_CODES;
        while (hdist > 1 && distLen[hdist - 1] == 0) {
            hdist--;
        }
        // the code lengths of both trees, run-length coded with symbols 16 (repeat), 17 and 18 (zeros)
        System.arraycopy(litLen, 0, allLengths, 0, hlit);
        System.arraycopy(distLen, 0, allLengths, hlit, hdist);
        int m = lengthRuns(allLengths, hlit + hdist, rle, rleExtra);
        Arrays.fill(clFreq, 0);
        for (int k = 0; k < m; k++) {
            clFreq[rle[k]]++;
        }
        atLeastTwo(clFreq);
        huffman.lengths(clFreq, 19, 7, clLen);
        huffman.codes(clLen, 19, clCode);
        int hclen = 19;
        while (hclen > 4 && clLen[CL_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        putBits(1, 1); // final block
        putBits(2, 2); // dynamic Huffman codes
        putBits(hlit - 257, 5);
        putBits(hdist - 1, 5);
        putBits(hclen - 4, 4);
        for (int k = 0; k < hclen; k++) {
            putBits(clLen[CL_ORDER[k]], 3);
        }
        for (int k = 0; k < m; k++) {
            int s = rle[k];
            putBits(clCode[s], clLen[s]);
            if (s == 16) {
                putBits(rleExtra[k], 2);
            } else if (s == 17) {
                putBits(rleExtra[k], 3);
            } else if (s == 18) {
                putBits(rleExtra[k], 7);
            }
        }
    }

    /**
     * The code lengths {@code all[0, n)}, run-length coded with symbols 16 (repeat), 17 and 18 (zeros) into {@code rle}
     * and their extra bits into {@code rleExtra}; returns the number of symbols. A method of its own so that the JIT
     * compiles this loop on its own rather than {@link #writeHeader} for it.
     */
    private static int lengthRuns(int[] all, int n, int[] rle, int[] rleExtra) {
        int m = 0;
        for (int k = 0; k < n;) {
            int v = all[k];
            int run = 1;
            while (k + run < n && all[k + run] == v) {
                run++;
            }
            if (v == 0 && run >= 3) {
                int r = Math.min(run, 138);
                rle[m] = r >= 11 ? 18 : 17;
                rleExtra[m++] = r >= 11 ? r - 11 : r - 3;
                k += r;
            } else if (v != 0 && run >= 4) {
                rle[m] = v;
                rleExtra[m++] = 0;
                int r = Math.min(run - 1, 6);
                rle[m] = 16;
                rleExtra[m++] = r - 3;
                k += 1 + r;
            } else {
                rle[m] = v;
                rleExtra[m++] = 0;
                k++;
            }
        }
        return m;
    }

    /**
     * The codes looked up once per tile: {@link #firstBits}/{@link #firstCount} of a literal or a match length
     * (with its extra bits), {@link #secondBits}/{@link #secondCount} of each distance slot.
     */
    private void fillCodeTables() {
        long[] b1 = firstBits;
        int[] n1 = firstCount;
        for (int v = 0; v < 256; v++) {
            b1[v] = litCode[v];
            n1[v] = litLen[v];
        }
        for (int len = 3; len <= MAX_MATCH; len++) {
            int lc = LENGTH_CODE[len];
            b1[256 + len] = litCode[lc] | (long) (len - LENGTH_BASE[lc]) << litLen[lc];
            n1[256 + len] = litLen[lc] + LENGTH_EXTRA[lc];
        }
        long[] b2 = secondBits;
        int[] n2 = secondCount;
        for (int sl = 1; sl < 4; sl++) {
            int d = slotDistance[sl];
            int dc = distanceCode(d);
            int extra = dc >= 4 ? (dc >>> 1) - 1 : 0;
            b2[sl] = distCode[dc] | (long) ((d - 1) & ((1 << extra) - 1)) << distLen[dc];
            n2[sl] = distLen[dc] + extra;
        }
    }

    /**
     * Writes the items of {@link #parse}: every item is two table look-ups and two unconditional 4-byte stores,
     * without a branch (literals and matches, and the flushes, alternate unpredictably), with the bit buffer in
     * locals (room ensured by {@link #writeBlock}).
     */
    private void writeItems(int n) {
        byte[] o = out;
        int p = pos;
        long bb = bits;
        int bc = bitCount;
        int[] it = items;
        long[] b1 = firstBits;
        int[] n1 = firstCount;
        long[] b2 = secondBits;
        int[] n2 = secondCount;
        for (int k = 0; k < n; k++) {
            int v = it[k];
            int first = v & 0xFFFF;
            int second = v >>> 16;
            bb |= b1[first] << bc; // at most 15 + 5 bits, after fewer than 32
            bc += n1[first];
            INTS.set(o, p, (int) bb);
            int full = bc >>> 5; // 1 when 32 bits or more are pending: they were just stored
            p += full << 2;
            bb >>>= full << 5;
            bc -= full << 5;
            bb |= b2[second] << bc; // at most 15 + 13 bits
            bc += n2[second];
            INTS.set(o, p, (int) bb);
            full = bc >>> 5;
            p += full << 2;
            bb >>>= full << 5;
            bc -= full << 5;
        }
        pos = p;
        bits = bb;
        bitCount = bc;
    }

    /**
     * Writes the items of {@link #parseSamples}, each at once and without a branch: its two codes (a literal
     * sample's, at most 30 bits; a match's length and distance, at most 48), then the whole bytes pending with one
     * unconditional 8-byte store, after which fewer than 8 bits stay pending. Room for 16 bits a byte is ensured by
     * {@link #compress}.
     */
    private void writeSampleItems(int n) {
        long[] b1 = firstBits;
        int[] n1 = firstCount;
        for (int sl = 1; sl < 4; sl++) {
            b1[SLOT_BASE + sl] = secondBits[sl];
            n1[SLOT_BASE + sl] = secondCount[sl];
        }
        byte[] o = out;
        int p = pos;
        long bb = bits;
        int bc = bitCount;
        while (bc >= 8) { // fewer than 8 pending bits first
            o[p++] = (byte) bb;
            bb >>>= 8;
            bc -= 8;
        }
        int[] it = items;
        for (int k = 0; k < n; k++) {
            int v = it[k];
            int a = v & 0xFFFF;
            int b = v >>> 16;
            bb |= (b1[a] | b1[b] << n1[a]) << bc;
            bc += n1[a] + n1[b];
            LONGS.set(o, p, bb);
            p += bc >>> 3;
            bb >>>= bc & 0x38;
            bc &= 7;
        }
        pos = p;
        bits = bb;
        bitCount = bc;
    }

    private static void put4(byte[] o, int p, long bb) {
        o[p] = (byte) bb;
        o[p + 1] = (byte) (bb >>> 8);
        o[p + 2] = (byte) (bb >>> 16);
        o[p + 3] = (byte) (bb >>> 24);
    }

    /** Gives a code to at least two symbols, as inflaters expect of a Huffman tree. */
    private static void atLeastTwo(int[] freq) {
        int used = 0;
        for (int f : freq) {
            used += f > 0 ? 1 : 0;
        }
        for (int s = 0; used < 2; s++) {
            if (freq[s] == 0) {
                freq[s] = 1;
                used++;
            }
        }
    }

    /** Appends the {@code count} low bits of {@code value}, least significant first (RFC 1951, 3.1.1). */
    private void putBits(int value, int count) {
        bits |= (long) value << bitCount;
        bitCount += count;
        if (bitCount >= 32) {
            if (pos + 8 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            put4(out, pos, bits);
            pos += 4;
            bits >>>= 32;
            bitCount -= 32;
        }
    }

    private void flushBits() {
        if (pos + 8 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        while (bitCount > 0) {
            out[pos++] = (byte) bits;
            bits >>>= 8;
            bitCount -= 8;
        }
        bits = 0;
        bitCount = 0;
    }

    /**
     * Length-limited canonical Huffman codes, with scratch for up to {@link RowDeflate#LITLEN_CODES} symbols, reused
     * from call to call.
     */
    static final class Huffman {
        private final long[] keys = new long[LITLEN_CODES];
        private final int[] order = new int[LITLEN_CODES];
        private final long[] weight = new long[2 * LITLEN_CODES];
        private final int[] parent = new int[2 * LITLEN_CODES];
        private final int[] depth = new int[2 * LITLEN_CODES];
        private final int[] lengthCount = new int[2 * LITLEN_CODES];
        private final int[] nextCode = new int[MAX_BITS + 2];

        /**
         * Code lengths (≤ {@code limit}) of {@code count} symbols with frequencies {@code freq} into {@code len}
         * (0 for unused symbols): Huffman's lengths, then, when some exceed the limit, the length counts adjusted
         * as in JPEG (ITU T.81, Annex K.3) and given back to the symbols in order of frequency. Needs two used
         * symbols at least.
         */
        void lengths(int[] freq, int count, int limit, int[] len) {
            Arrays.fill(len, 0, count, 0);
            // used symbols by increasing frequency, ties by symbol (deterministic): sorted as (frequency, symbol)
            int used = 0;
            for (int s = 0; s < count; s++) {
                if (freq[s] > 0) {
                    keys[used++] = (long) freq[s] << 32 | s;
                }
            }
            Arrays.sort(keys, 0, used);
            // two-queue Huffman: leaves 0..used-1 in order, internal nodes used.. in creation order
            for (int k = 0; k < used; k++) {
                order[k] = (int) keys[k];
                weight[k] = keys[k] >>> 32;
            }
            int leaf = 0;
            int node = used;
            int next = used;
            for (int k = 0; k < used - 1; k++) {
                // the two lightest of the next leaf and the next internal node (a leaf first on a tie)
                int a = leaf < used && (node >= next || weight[leaf] <= weight[node]) ? leaf++ : node++;
                int b = leaf < used && (node >= next || weight[leaf] <= weight[node]) ? leaf++ : node++;
                weight[next] = weight[a] + weight[b];
                parent[a] = next;
                parent[b] = next;
                next++;
            }
            int root = next - 1;
            depth[root] = 0;
            for (int k = root - 1; k >= 0; k--) {
                depth[k] = depth[parent[k]] + 1;
            }
            int maxDepth = 0;
            for (int k = 0; k < used; k++) {
                maxDepth = Math.max(maxDepth, depth[k]);
            }
            Arrays.fill(lengthCount, 0, Math.max(maxDepth, limit) + 1, 0);
            for (int k = 0; k < used; k++) {
                lengthCount[depth[k]]++;
            }
            for (int i = maxDepth; i > limit; i--) {
                while (lengthCount[i] > 0) {
                    int j = i - 2;
                    while (lengthCount[j] == 0) {
                        j--;
                    }
                    lengthCount[i] -= 2;
                    lengthCount[i - 1]++;
                    lengthCount[j + 1] += 2;
                    lengthCount[j]--;
                }
            }
            // shortest lengths to the most frequent symbols
            int k = used - 1;
            for (int l = 1; l <= limit; l++) {
                for (int c = 0; c < lengthCount[l]; c++) {
                    len[order[k--]] = l;
                }
            }
        }

        /** Canonical codes (RFC 1951, 3.2.2) of the lengths, bit-reversed for writing least significant bit first. */
        void codes(int[] len, int count, int[] code) {
            Arrays.fill(lengthCount, 0, MAX_BITS + 1, 0);
            for (int s = 0; s < count; s++) {
                lengthCount[len[s]]++;
            }
            lengthCount[0] = 0;
            int c = 0;
            for (int bits = 1; bits <= MAX_BITS; bits++) {
                c = (c + lengthCount[bits - 1]) << 1;
                nextCode[bits] = c;
            }
            for (int s = 0; s < count; s++) {
                int l = len[s];
                if (l != 0) {
                    code[s] = Integer.reverse(nextCode[l]++) >>> (32 - l);
                }
            }
        }
    }
}
