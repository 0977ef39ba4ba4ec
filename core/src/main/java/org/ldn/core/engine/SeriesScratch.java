package org.ldn.core.engine;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;

/**
 * A computed-productivity run's scratch store on disk: the first (p90) pass, which reads the series anyway, writes
 * each tile's {@link SeriesMetrics} (everything the main pass needs from the series that does not depend on the
 * p90); the main pass reads them back instead of reading the series a second time and recomputing them. The results
 * are the same to the bit: the stored values are exactly those the main pass would compute.
 *
 * <p>Memory stays bounded by the tile: records go to one file by positional I/O (appended in the order tiles finish,
 * found by tile index), and each thread holds one record's buffer. The file is created in the given folder (the run's
 * partial output folder, else {@code java.io.tmpdir}) with {@link StandardOpenOption#DELETE_ON_CLOSE}, so on
 * POSIX systems it is unlinked at once and vanishes even when the process is killed; elsewhere it is deleted by
 * {@link #close()}.
 *
 * <p>Record of a tile of n pixels, per period, little-endian: one flag byte, n bytes of classes ({@code trajectory
 * code | state code << 2}, codes 0, 1, 2 for −1, 0, +1 and 3 for nodata), then n counts of valid years unless the
 * flag says they are implied (every pixel has all the period's years, or none and both classes nodata, as pixels
 * outside the zones), one byte each when every period has at most 255 years, else two; then n sums, as the flag
 * says: 24-bit or 32-bit integers when every sum of the tile's period is a whole number in that range (exactly as
 * a double), else the bits of the float64. So 4 bytes per pixel and period for integer-coded series without gaps
 * (12 for three periods), 5 with gaps, 10 at most (11 beyond 255 years).
 *
 * <p>The store is used only when the upper bound of its size (every tile, the widest encoding) is within the
 * limit given ({@link EngineOptions#seriesScratchLimit}) and within half the usable space of its folder; otherwise,
 * or when the file cannot be created, the run reads the series twice as before. A tile whose record could not be
 * written or read back (an I/O error, a full disk) is read and computed again in the main pass. Thread-safe.
 */
final class SeriesScratch implements AutoCloseable {
    /** Flag bits of a period's part of a record: the width of its sums, and whether its counts are stored. */
    private static final int SUMS_24 = 0;
    private static final int SUMS_32 = 1;
    private static final int SUMS_64 = 2;
    private static final int IMPLIED_COUNTS = 4;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Records read back from every store of the process so far (for tests and benchmarks). */
    static final AtomicLong RECORDS_READ = new AtomicLong();

    private final FileChannel channel;
    private final Tiling tiling;
    private final int periods;
    private final boolean byteCounts;
    /** Per period, its number of years (the count of a pixel without a gap). */
    private final int[] years;
    /** Per tile: where its record starts, −1 while it has none; and its length. */
    private final long[] offset;
    private final int[] length;
    private final AtomicLong end = new AtomicLong();
    private volatile boolean failed;

    private SeriesScratch(FileChannel channel, Tiling tiling, int[] years, boolean byteCounts) {
        this.channel = channel;
        this.tiling = tiling;
        this.periods = years.length;
        this.years = years.clone();
        this.byteCounts = byteCounts;
        this.offset = new long[tiling.tileCount()];
        this.length = new int[tiling.tileCount()];
        Arrays.fill(offset, -1);
    }

    /**
     * The store of {@code plan}'s run over {@code tiling} in {@code directory} ({@code null}: {@code java.io.tmpdir}),
     * or {@code null} when it would exceed {@code limit} bytes or half the folder's usable space, or cannot be made.
     */
    static SeriesScratch open(SeriesPlan plan, Tiling tiling, Path directory, long limit) {
        long bound = bound(plan, tiling);
        if (limit <= 0 || bound > limit) {
            return null;
        }
        Path dir = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"));
        Path file = null;
        try {
            if (bound > Files.getFileStore(dir).getUsableSpace() / 2) {
                return null;
            }
            file = Files.createTempFile(dir, "ldn-series-", ".scratch");
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            return new SeriesScratch(ch, tiling, plan.years(), byteCounts(plan));
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // nothing written yet: an empty leftover at worst
                }
            }
            return null; // no store: the run reads the series twice
        }
    }

    /** The most bytes the store of {@code plan}'s run over {@code tiling} can take. */
    static long bound(SeriesPlan plan, Tiling tiling) {
        long total = 0;
        int periods = plan.from().length;
        boolean byteCounts = byteCounts(plan);
        for (int t = 0; t < tiling.tileCount(); t++) {
            total += maxRecord(periods, byteCounts, tiling.tile(t).size());
        }
        return total;
    }

    private static boolean byteCounts(SeriesPlan plan) {
        for (int y : plan.years()) {
            if (y > 255) {
                return false;
            }
        }
        return true;
    }

    private static long maxRecord(int periods, boolean byteCounts, long n) {
        return periods * (1 + n * (1 + (byteCounts ? 1 : 2) + 8));
    }

    /** A buffer for one record of at most {@code maxPixels} pixels, for one thread's {@link #write}/{@link #read}. */
    ByteBuffer buffer(int maxPixels) {
        return ByteBuffer.wrap(new byte[(int) maxRecord(periods, byteCounts, maxPixels)]);
    }

    /** The index of tile {@code w} of the run's tiling, or −1 when {@code w} is not one of its tiles. */
    private int index(Window w) {
        if (w.col() % tiling.tileWidth() != 0 || w.row() % tiling.tileHeight() != 0) {
            return -1;
        }
        int i = w.row() / tiling.tileHeight() * tiling.tilesAcross() + w.col() / tiling.tileWidth();
        return i < tiling.tileCount() && tiling.tile(i).equals(w) ? i : -1;
    }

    /** Stores the metrics of tile {@code w} ({@code n} pixels); false when they could not be written. */
    boolean write(Window w, SeriesMetrics m, int n, ByteBuffer buf) {
        int t = index(w);
        if (t < 0 || failed) {
            return false;
        }
        encode(m, n, buf);
        int len = buf.limit();
        long at = end.getAndAdd(len);
        try {
            for (long pos = at; buf.hasRemaining();) {
                pos += channel.write(buf, pos);
            }
        } catch (IOException e) {
            failed = true; // a full disk: the tiles not stored are read again in the main pass
            return false;
        }
        synchronized (this) {
            length[t] = len;
            offset[t] = at;
        }
        return true;
    }

    /** Loads the metrics of tile {@code w} ({@code n} pixels) into {@code m}; false when the tile has none. */
    boolean read(Window w, SeriesMetrics m, int n, ByteBuffer buf) {
        int t = index(w);
        if (t < 0) {
            return false;
        }
        long at;
        int len;
        synchronized (this) {
            at = offset[t];
            len = length[t];
        }
        if (at < 0) {
            return false;
        }
        buf.clear().limit(len);
        try {
            for (long pos = at; buf.hasRemaining();) {
                int r = channel.read(buf, pos);
                if (r < 0) {
                    return false;
                }
                pos += r;
            }
        } catch (IOException e) {
            return false;
        }
        decode(buf, m, n);
        RECORDS_READ.incrementAndGet();
        return true;
    }

    // encode and decode call one small method a loop: the JIT compiles each once, rather than compiling the whole
    // of encode or decode again for every loop that gets hot

    private void encode(SeriesMetrics m, int n, ByteBuffer buf) {
        byte[] b = buf.array();
        int pos = 0;
        for (int p = 0; p < periods; p++) {
            int flags = flags(m.trajectory[p], m.state[p], m.count[p], m.sum[p], years[p], n);
            b[pos++] = (byte) flags;
            putClasses(m.trajectory[p], m.state[p], b, pos, n);
            pos += n;
            if ((flags & IMPLIED_COUNTS) == 0) {
                pos = putCounts(m.count[p], b, pos, n);
            }
            pos = putSums(flags & 3, m.sum[p], b, pos, n);
        }
        buf.clear().limit(pos);
    }

    /** The record flags of one period: how its sums are stored, and whether its counts follow from its classes. */
    private static int flags(short[] traj, short[] state, int[] count, double[] sum, int full, int n) {
        boolean ints = true;
        boolean small = true;
        boolean implied = true;
        for (int i = 0; i < n; i++) {
            double s = sum[i];
            boolean isInt = Double.doubleToRawLongBits((int) s) == Double.doubleToRawLongBits(s);
            ints &= isInt;
            small &= s >= -(1 << 23) && s < 1 << 23;
            implied &= count[i] == (traj[i] == Classes.NODATA && state[i] == Classes.NODATA ? 0 : full);
        }
        return (ints ? small ? SUMS_24 : SUMS_32 : SUMS_64) | (implied ? IMPLIED_COUNTS : 0);
    }

    /** One byte a pixel at {@code b[pos..]}: the trajectory's code, and the state's shifted by 2. */
    private static void putClasses(short[] traj, short[] state, byte[] b, int pos, int n) {
        for (int i = 0; i < n; i++) {
            int t = CODE[traj[i] & 0xffff];
            int c = CODE[state[i] & 0xffff];
            if ((t | c) < 0) {
                throw notAClass(traj[i], state[i]);
            }
            b[pos + i] = (byte) (t | c << 2);
        }
    }

    /** The valid-year counts at {@code b[pos..]}, one byte or two a pixel; returns the position after them. */
    private int putCounts(int[] count, byte[] b, int pos, int n) {
        if (byteCounts) {
            for (int i = 0; i < n; i++) {
                b[pos + i] = (byte) count[i];
            }
            return pos + n;
        }
        for (int i = 0; i < n; i++) {
            SHORTS.set(b, pos + 2 * i, (short) count[i]);
        }
        return pos + 2 * n;
    }

    /** The sums at {@code b[pos..]} in the given storage; returns the position after them. */
    private static int putSums(int storage, double[] sum, byte[] b, int pos, int n) {
        switch (storage) {
            case SUMS_24 -> {
                for (int i = 0; i < n; i++) {
                    int v = (int) sum[i];
                    int o = pos + 3 * i;
                    b[o] = (byte) v;
                    b[o + 1] = (byte) (v >> 8);
                    b[o + 2] = (byte) (v >> 16);
                }
                return pos + 3 * n;
            }
            case SUMS_32 -> {
                for (int i = 0; i < n; i++) {
                    INTS.set(b, pos + 4 * i, (int) sum[i]);
                }
                return pos + 4 * n;
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    LONGS.set(b, pos + 8 * i, Double.doubleToRawLongBits(sum[i]));
                }
                return pos + 8 * n;
            }
        }
    }

    private void decode(ByteBuffer buf, SeriesMetrics m, int n) {
        byte[] b = buf.array();
        int pos = 0;
        for (int p = 0; p < periods; p++) {
            int flags = b[pos++];
            getClasses(b, pos, m.trajectory[p], m.state[p], n);
            if ((flags & IMPLIED_COUNTS) != 0) {
                impliedCounts(b, pos, years[p], m.count[p], n);
                pos += n;
            } else {
                pos = getCounts(b, pos + n, m.count[p], n);
            }
            pos = getSums(flags & 3, b, pos, m.sum[p], n);
        }
    }

    private static void getClasses(byte[] b, int pos, short[] traj, short[] state, int n) {
        for (int i = 0; i < n; i++) {
            int c = b[pos + i];
            traj[i] = CLASS_OF[c & 3];
            state[i] = CLASS_OF[c >> 2 & 3];
        }
    }

    /** The counts that follow from the class bytes at {@code b[pos..]}: none without classes, else every year. */
    private static void impliedCounts(byte[] b, int pos, int full, int[] count, int n) {
        for (int i = 0; i < n; i++) {
            count[i] = b[pos + i] == NO_VALUE_CLASSES ? 0 : full;
        }
    }

    /** Reads what {@link #putCounts} wrote; returns the position after it. */
    private int getCounts(byte[] b, int pos, int[] count, int n) {
        if (byteCounts) {
            for (int i = 0; i < n; i++) {
                count[i] = b[pos + i] & 0xff;
            }
            return pos + n;
        }
        for (int i = 0; i < n; i++) {
            count[i] = (short) SHORTS.get(b, pos + 2 * i) & 0xffff;
        }
        return pos + 2 * n;
    }

    /** Reads what {@link #putSums} wrote; returns the position after it. */
    private static int getSums(int storage, byte[] b, int pos, double[] sum, int n) {
        switch (storage) {
            case SUMS_24 -> {
                for (int i = 0; i < n; i++) {
                    int o = pos + 3 * i;
                    sum[i] = (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | b[o + 2] << 16;
                }
                return pos + 3 * n;
            }
            case SUMS_32 -> {
                for (int i = 0; i < n; i++) {
                    sum[i] = (int) INTS.get(b, pos + 4 * i);
                }
                return pos + 4 * n;
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    sum[i] = Double.longBitsToDouble((long) LONGS.get(b, pos + 8 * i));
                }
                return pos + 8 * n;
            }
        }
    }

    private static final short[] CLASS_OF = {Classes.DEGRADED, Classes.STABLE, Classes.IMPROVED, Classes.NODATA};
    /** The class byte of a pixel whose trajectory and state are both nodata. */
    private static final byte NO_VALUE_CLASSES = 3 | 3 << 2;

    /** The code of every class (indexed by its 16 bits), −1 for values that are not a productivity class. */
    private static final byte[] CODE = new byte[1 << 16];

    static {
        java.util.Arrays.fill(CODE, (byte) -1);
        for (int k = 0; k < CLASS_OF.length; k++) {
            CODE[CLASS_OF[k] & 0xffff] = (byte) k;
        }
    }

    private static IllegalStateException notAClass(short a, short b) {
        return new IllegalStateException("not productivity classes: " + a + ", " + b);
    }

    /** Makes every later {@link #write} fail, as a full disk would (for tests of the fallback). */
    void failWrites() {
        failed = true;
    }

    /** The bytes written so far. */
    long size() {
        return end.get();
    }

    /** Closes and deletes the file. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is unlinked already (POSIX) or deleted on close: nothing left to do
        }
    }
}
