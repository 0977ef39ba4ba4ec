package org.ldn.geodata.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.ldn.core.InputException;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.SampleType;

/**
 * Writes a single-band GeoTIFF (UInt8, Int16 or Float32) that GDAL and QGIS read: tiled 256 x 256, DEFLATE with
 * predictor 2 (integers) or 3 (Float32), GDAL_NODATA, ModelPixelScale + ModelTiepoint and GeoKeys (EPSG codes, or
 * the keys of the file the CRS was read from).
 *
 * <p>Windows may arrive in any order, from several threads, and need not be aligned to the tiling; every pixel
 * must be written exactly once. A window that covers a whole tile is compressed at once; parts of tiles go to a
 * sparse scratch file beside the output, and the thread that completes a tile compresses it. Memory is therefore a
 * few tiles per writing thread, whatever the order and size of the raster. Compressed tiles are appended to a
 * temporary file as they complete; {@link #commit()} writes the directory at the end (BigTIFF when offsets pass
 * 4 GB), forces it to disk and atomically renames it to the final name; {@link #close()} without a commit deletes
 * the temporary files. Every {@link #SYNC_EVERY} bytes appended, a background thread forces what was written so
 * far to disk, so that the commit at the end of a run has only the last bytes to wait for, not the whole map (the
 * kernel would otherwise hold most of a 30-second run's output in memory until then). Thread-safe.
 */
public final class GeoTiffSink implements RasterSink {
    static final int TILE = 256;
    /**
     * DEFLATE level of the maps we write: 1, the fastest (integer maps with {@link RowDeflate}, Float32 with zlib's
     * level 1), about five times faster than GDAL's default 6 on class maps for files about a third larger; writing
     * maps was most of a large run's time at level 6. Levels 2..9 use zlib.
     */
    public static final int DEFAULT_LEVEL = 1;
    /** Tile data start after room for a BigTIFF header, so the header kind can be chosen at commit. */
    private static final long DATA_START = 16;
    /** Bytes appended between two background forces of the file to disk. */
    static final long SYNC_EVERY = 8L << 20;
    /** How a file is forced to disk in the background (a test replaces it to count or fail the forces). */
    @FunctionalInterface
    interface Force {
        void force(FileChannel channel) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final Path scratchPath;
    private final String name;
    private final Grid grid;
    private final SampleType type;
    private final double noData;
    private final GeoKeys keys;
    /** Largest file size written as classic TIFF; above it, BigTIFF. */
    private final long classicLimit;
    private final int across;
    private final int tileBytes;
    private final FileChannel out;
    private volatile FileChannel scratch;
    private final AtomicLong end = new AtomicLong(DATA_START);
    private final AtomicIntegerArray remaining;
    private final AtomicLongArray offsets;
    private final AtomicLongArray counts;
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean finished;
    private final int level;
    private final long syncEvery;
    private final Force force;
    /** Bytes appended since the last background force was asked for. */
    private final AtomicLong unsynced = new AtomicLong();
    /** Guards {@link #syncing}. */
    private final Object syncLock = new Object();
    /** The last background force asked for, or null. */
    private Future<?> syncing;
    private static final java.lang.invoke.VarHandle SHORTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** Each thread's buffer for a whole tile's raw samples, reused (encoding consumes it before returning). */
    private static final ThreadLocal<byte[]> RAW = ThreadLocal.withInitial(() -> new byte[0]);
    /** Locks of the scratch file's tiles (tile index modulo their count, a power of two). */
    private final Object[] scratchLocks = new Object[64];

    private GeoTiffSink(Path target, Grid grid, SampleType type, double noData, GeoKeys keys, long classicLimit,
            int level, long syncEvery, Force force) throws IOException {
        this.target = target;
        this.syncEvery = syncEvery;
        this.force = force;
        this.level = level;
        this.classicLimit = classicLimit;
        Arrays.setAll(scratchLocks, i -> new Object());
        this.name = target.toString();
        this.grid = grid;
        this.type = type;
        this.noData = noData;
        this.keys = keys;
        this.across = (grid.width() + TILE - 1) / TILE;
        int down = (grid.height() + TILE - 1) / TILE;
        int tiles = Math.multiplyExact(across, down);
        this.tileBytes = TILE * TILE * type.bytes();
        this.remaining = new AtomicIntegerArray(tiles);
        for (int t = 0; t < tiles; t++) {
            int tx = t % across;
            int ty = t / across;
            remaining.set(t, Math.min(TILE, grid.width() - tx * TILE) * Math.min(TILE, grid.height() - ty * TILE));
        }
        this.offsets = new AtomicLongArray(tiles);
        this.counts = new AtomicLongArray(tiles);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String base = target.getFileName().toString();
        this.temp = Files.createTempFile(dir, "." + base + ".", ".part");
        this.scratchPath = dir.resolve(temp.getFileName() + ".scratch");
        this.out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    /**
     * Starts writing {@code file} on {@code grid}.
     *
     * @param noData written as GDAL_NODATA (NaN: none for integer types, "nan" for Float32)
     * @throws InputException when the grid's CRS has no EPSG code and no GeoTIFF read in this process had it
     */
    public static GeoTiffSink create(Path file, Grid grid, SampleType type, double noData) {
        return create(file, grid, type, noData, 0xFFFF_FFFFL, DEFAULT_LEVEL);
    }

    /** As {@link #create(Path, Grid, SampleType, double)} with DEFLATE level {@code level} (1..9). */
    public static GeoTiffSink create(Path file, Grid grid, SampleType type, double noData, int level) {
        return create(file, grid, type, noData, 0xFFFF_FFFFL, level);
    }

    /** As {@link #create(Path, Grid, SampleType, double)}, writing BigTIFF when the file passes {@code classicLimit}. */
    static GeoTiffSink createWithLimit(Path file, Grid grid, SampleType type, double noData, long classicLimit) {
        return create(file, grid, type, noData, classicLimit, DEFAULT_LEVEL);
    }

    private static GeoTiffSink create(Path file, Grid grid, SampleType type, double noData, long classicLimit,
            int level) {
        return create(file, grid, type, noData, classicLimit, level, SYNC_EVERY, ch -> ch.force(false));
    }

    /**
     * As {@link #create(Path, Grid, SampleType, double)}, the file forced to disk by {@code force} in the background
     * every {@code syncEvery} bytes appended.
     */
    static GeoTiffSink createSyncing(Path file, Grid grid, SampleType type, double noData, long syncEvery,
            Force force) {
        return create(file, grid, type, noData, 0xFFFF_FFFFL, DEFAULT_LEVEL, syncEvery, force);
    }

    private static GeoTiffSink create(Path file, Grid grid, SampleType type, double noData, long classicLimit,
            int level, long syncEvery, Force force) {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("DEFLATE level must be 1..9, not " + level);
        }
        if (type != SampleType.UINT8 && type != SampleType.INT16 && type != SampleType.FLOAT32) {
            throw new IllegalArgumentException("GeoTIFF output supports UINT8, INT16 and FLOAT32, not " + type);
        }
        if (!type.isFloatingPoint() && !Double.isNaN(noData) && !SampleValues.fits(type, noData)) {
            throw new IllegalArgumentException("nodata " + noData + " is not a " + type + " value");
        }
        GeoKeys keys;
        if (grid.crs().epsg() != null) {
            keys = GeoKeys.epsg(grid.crs().epsg(), grid.crs().geographic());
        } else {
            keys = GeoKeyRegistry.find(grid.crs().wkt());
            if (keys == null) {
                throw new InputException(file + ": cannot write the coordinate reference system \"" + grid.crs().name()
                        + "\" as GeoTIFF keys: it has no EPSG code and no GeoTIFF read in this run has it"
                        + " (use an input on an EPSG CRS, or read a GeoTIFF on this CRS first)");
            }
        }
        try {
            return new GeoTiffSink(file, grid, type, noData, keys, classicLimit, level, syncEvery, force);
        } catch (IOException e) {
            throw new InputException(file + ": cannot create (" + e.getMessage() + ") (check the folder and its permissions)", e);
        }
    }

    @Override
    public void write(Window window, short[] data) {
        write(window, (Object) data);
    }

    @Override
    public void write(Window window, float[] data) {
        write(window, (Object) data);
    }

    private void write(Window w, Object data) {
        if (finished) {
            throw new IllegalStateException(name + ": write after commit or close");
        }
        int length = data instanceof short[] s ? s.length : ((float[]) data).length;
        if (w.colEnd() > grid.width() || w.rowEnd() > grid.height() || length != w.length()) {
            throw new IllegalArgumentException(name + ": window " + w + " with " + length + " values does not fit the "
                    + grid.width() + "x" + grid.height() + " grid");
        }
        if (w.isEmpty()) {
            return;
        }
        for (int ty = w.row() / TILE; ty <= (w.rowEnd() - 1) / TILE; ty++) {
            for (int tx = w.col() / TILE; tx <= (w.colEnd() - 1) / TILE; tx++) {
                writeTilePart(w, data, tx, ty);
            }
        }
    }

    private void writeTilePart(Window w, Object data, int tx, int ty) {
        int t = ty * across + tx;
        int c0 = Math.max(w.col(), tx * TILE);
        int c1 = Math.min(w.colEnd(), (tx + 1) * TILE);
        int r0 = Math.max(w.row(), ty * TILE);
        int r1 = Math.min(w.rowEnd(), (ty + 1) * TILE);
        int area = (c1 - c0) * (r1 - r0);
        int whole = Math.min(TILE, grid.width() - tx * TILE) * Math.min(TILE, grid.height() - ty * TILE);
        if (area == whole) {
            if (!remaining.compareAndSet(t, whole, 0)) {
                throw twice(t);
            }
            byte[] raw = rawTile();
            if (whole != TILE * TILE) {
                Arrays.fill(raw, 0, tileBytes, (byte) 0); // an edge tile's padding: zeros, as always
            }
            if (type == SampleType.INT16 && data instanceof short[] s && whole == TILE * TILE) {
                int first = (r0 - w.row()) * w.width() + (c0 - w.col());
                if (uniform(s, w, c0, c1, r0, r1)) {
                    // nodata outside the zones, one class: the shared encoding of its value, without the samples
                    appendEncoded(t, TileEncoder.encodeUniform(s[first], raw, TILE, level));
                    return;
                }
                // class maps: differenced (predictor 2) straight into the tile, without a row buffer (faster than
                // differences in a short[] copied at once: measured)
                for (int r = r0; r < r1; r++) {
                    differencedRow(s, (r - w.row()) * w.width() + (c0 - w.col()), raw, (r - ty * TILE) * TILE * 2);
                }
                appendEncoded(t, TileEncoder.encodePredicted(raw, TILE, type, level));
                return;
            }
            copyPart(w, data, c0, c1, r0, r1, raw, ty * TILE, tx * TILE);
            append(t, raw);
            return;
        }
        FileChannel s = scratch();
        writeScratchRows(s, w, data, t, tx, ty, c0, c1, r0, r1);
        int left = remaining.addAndGet(t, -area);
        if (left < 0) {
            throw twice(t);
        }
        if (left == 0) {
            byte[] raw = rawTile();
            readFully(s, ByteBuffer.wrap(raw, 0, tileBytes), (long) t * tileBytes);
            append(t, raw);
        }
    }

    /** This thread's buffer of a tile's raw samples (at least {@link #tileBytes}), reused from tile to tile. */
    private byte[] rawTile() {
        byte[] raw = RAW.get();
        if (raw.length < tileBytes) {
            raw = new byte[Math.max(tileBytes, TILE * TILE * 4)];
            RAW.set(raw);
        }
        return raw;
    }

    /**
     * The part [c0, c1) × [r0, r1) of tile {@code t} into the scratch file, whose tiles are TILE × TILE row-major: the
     * tile's rows r0..r1 are read, the part's columns set, and the rows written back, one read and one write, under
     * the tile's lock so that another thread's part of the same rows is not overwritten with what was read before
     * it. (A write per row made 128-pixel windows, each a quarter of a map tile, cost 8 times as much as whole tiles:
     * docs/benchmarks.md, "Twelfth round".) A part as wide as the tile's rows needs no read.
     */
    private void writeScratchRows(FileChannel s, Window w, Object data, int t, int tx, int ty, int c0, int c1, int r0,
            int r1) {
        int rowBytes = TILE * type.bytes();
        int span = (r1 - r0) * rowBytes;
        long at = (long) t * tileBytes + (long) (r0 - ty * TILE) * rowBytes;
        byte[] raw = rawTile();
        ByteBuffer rows = ByteBuffer.wrap(raw, 0, span);
        boolean fullWidth = c1 - c0 == Math.min(TILE, grid.width() - tx * TILE); // padding columns stay zero
        synchronized (scratchLocks[t & (scratchLocks.length - 1)]) {
            if (fullWidth) {
                Arrays.fill(raw, 0, span, (byte) 0);
            } else {
                readFully(s, rows, at);
            }
            copyPart(w, data, c0, c1, r0, r1, raw, r0, tx * TILE);
            writeFully(s, rows, at);
        }
    }

    /** {@code b} filled up to its limit from {@code at} on; zeros past the end of the (sparse) file. */
    private void readFully(FileChannel ch, ByteBuffer b, long at) {
        try {
            b.rewind();
            while (b.hasRemaining()) {
                if (ch.read(b, at + b.position()) < 0) {
                    while (b.hasRemaining()) {
                        b.put((byte) 0);
                    }
                }
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    // the row loops of writeTilePart are methods of their own, called once a row: the JIT compiles each once,
    // rather than compiling writeTilePart again for every loop that gets hot

    /** One row of TILE samples from {@code s[from..]}, differenced (predictor 2), at byte {@code at} of the tile. */
    private static void differencedRow(short[] s, int from, byte[] raw, int at) {
        int prev = 0;
        for (int c = 0; c < TILE; c++) {
            int v = s[from + c];
            SHORTS.set(raw, at + 2 * c, (short) (v - prev));
            prev = v;
        }
    }

    /**
     * The window's part [c0, c1) × [r0, r1) into {@code raw} as rows TILE samples wide: row r at row r − firstRow,
     * column c at column c − firstCol. Class maps go straight in, without a row buffer.
     */
    private void copyPart(Window w, Object data, int c0, int c1, int r0, int r1, byte[] raw, int firstRow,
            int firstCol) {
        int bytes = type.bytes();
        if (type == SampleType.INT16 && data instanceof short[] s) {
            for (int r = r0; r < r1; r++) {
                shortRow(s, (r - w.row()) * w.width() + (c0 - w.col()), c1 - c0, raw,
                        ((r - firstRow) * TILE + (c0 - firstCol)) * bytes);
            }
            return;
        }
        ByteBuffer row = ByteBuffer.allocate((c1 - c0) * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = r0; r < r1; r++) {
            fill(row, data, (r - w.row()) * w.width() + (c0 - w.col()), c1 - c0);
            System.arraycopy(row.array(), 0, raw, ((r - firstRow) * TILE + (c0 - firstCol)) * bytes, row.limit());
        }
    }

    /** {@code n} samples from {@code s[from..]} at byte {@code at} of the tile. */
    private static void shortRow(short[] s, int from, int n, byte[] raw, int at) {
        for (int c = 0; c < n; c++) {
            SHORTS.set(raw, at + 2 * c, s[from + c]);
        }
    }

    private void fill(ByteBuffer row, Object data, int from, int n) {
        row.clear();
        if (data instanceof short[] s) {
            SampleValues.put(row, type, s, from, n, noData);
        } else {
            SampleValues.put(row, type, (float[]) data, from, n, noData);
        }
        row.flip();
    }

    /**
     * True when the window's part [c0, c1) × [r0, r1) holds one value: a row at a time, the differences or-ed
     * together in a loop the compiler vectorizes (most tiles that are not uniform differ in their first row).
     */
    static boolean uniform(short[] s, Window w, int c0, int c1, int r0, int r1) {
        short v = s[(r0 - w.row()) * w.width() + (c0 - w.col())];
        for (int r = r0; r < r1; r++) {
            int from = (r - w.row()) * w.width() + (c0 - w.col());
            int differ = 0;
            for (int i = from; i < from + (c1 - c0); i++) {
                differ |= s[i] ^ v;
            }
            if (differ != 0) {
                return false;
            }
        }
        return true;
    }

    private void append(int t, byte[] raw) {
        appendEncoded(t, TileEncoder.encode(raw, TILE, type, level));
    }

    private void appendEncoded(int t, ByteBuffer z) {
        int n = z.remaining();
        long at = end.getAndAdd(n + (n & 1));
        writeFully(out, z, at);
        offsets.set(t, at);
        counts.set(t, n);
        done.incrementAndGet();
        if (unsynced.addAndGet(n) >= syncEvery) {
            syncSoon();
        }
    }

    /** Asks the background thread to force what was written so far, unless a force is still running. */
    private void syncSoon() {
        synchronized (syncLock) {
            if (unsynced.get() < syncEvery || finished || (syncing != null && !syncing.isDone())) {
                return;
            }
            unsynced.set(0);
            syncing = Syncer.THREAD.submit(() -> {
                force.force(out);
                return null;
            });
        }
    }

    /**
     * Waits for the last background force; throws the error it met (a failed write-back is reported once by the
     * system, so the commit's own force could succeed after it).
     */
    private void awaitSync() throws IOException {
        Future<?> f;
        synchronized (syncLock) {
            f = syncing;
            syncing = null;
        }
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the file to reach the disk", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The one thread, shared by every sink, that forces files to disk in the background. */
    private static final class Syncer {
        static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ldn-map-sync");
            t.setDaemon(true);
            return t;
        });
    }

    private FileChannel scratch() {
        FileChannel s = scratch;
        if (s == null) {
            synchronized (this) {
                if (scratch == null) {
                    try {
                        scratch = FileChannel.open(scratchPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                                StandardOpenOption.WRITE, StandardOpenOption.SPARSE);
                    } catch (IOException e) {
                        throw failure(e);
                    }
                }
                s = scratch;
            }
        }
        return s;
    }

    private void writeFully(FileChannel ch, ByteBuffer b, long at) {
        try {
            b.rewind();
            while (b.hasRemaining()) {
                ch.write(b, at + b.position());
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private IllegalStateException twice(int t) {
        return new IllegalStateException(name + ": pixels of tile " + t + " written twice");
    }

    private InputException failure(IOException e) {
        return new InputException(name + ": cannot write (" + e + ") (check free disk space and permissions)", e);
    }

    /** Writes the directory, forces the file to disk and renames it to its final name. */
    @Override
    public synchronized void commit() {
        if (finished) {
            throw new IllegalStateException(name + ": already committed or closed");
        }
        int tiles = remaining.length();
        if (done.get() != tiles) {
            throw new IllegalStateException(name + ": " + (tiles - done.get()) + " of " + tiles
                    + " tiles were not completely written");
        }
        try {
            awaitSync();
            long ifdAt = end.get();
            boolean big = ifdAt + directory(false).size(false) > classicLimit;
            TiffDirectoryWriter dir = directory(big);
            writeFully(out, ByteBuffer.wrap(dir.ifd(ifdAt, big)), ifdAt);
            writeFully(out, ByteBuffer.wrap(TiffDirectoryWriter.header(ifdAt, big)), 0);
            out.force(true);
            out.close();
            closeScratch();
            readableByAll(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(target.toAbsolutePath().getParent());
            finished = true;
        } catch (IOException e) {
            close();
            throw failure(e);
        }
    }

    private TiffDirectoryWriter directory(boolean big) {
        TiffDirectoryWriter d = new TiffDirectoryWriter();
        d.longs(TiffTag.IMAGE_WIDTH, grid.width());
        d.longs(TiffTag.IMAGE_LENGTH, grid.height());
        d.shorts(TiffTag.BITS_PER_SAMPLE, type.bytes() * 8);
        d.shorts(TiffTag.COMPRESSION, TiffLayout.DEFLATE);
        d.shorts(TiffTag.PHOTOMETRIC, 1);
        d.shorts(TiffTag.SAMPLES_PER_PIXEL, 1);
        d.shorts(TiffTag.PLANAR_CONFIGURATION, 1);
        d.shorts(TiffTag.PREDICTOR, TileEncoder.predictor(type));
        d.shorts(TiffTag.TILE_WIDTH, TILE);
        d.shorts(TiffTag.TILE_LENGTH, TILE);
        long[] off = new long[remaining.length()];
        long[] cnt = new long[off.length];
        for (int t = 0; t < off.length; t++) {
            off[t] = offsets.get(t);
            cnt[t] = counts.get(t);
        }
        if (big) {
            d.long8s(TiffTag.TILE_OFFSETS, off);
            d.long8s(TiffTag.TILE_BYTE_COUNTS, cnt);
        } else {
            d.longs(TiffTag.TILE_OFFSETS, off);
            d.longs(TiffTag.TILE_BYTE_COUNTS, cnt);
        }
        d.shorts(TiffTag.SAMPLE_FORMAT, type.isFloatingPoint() ? 3 : type == SampleType.INT16 ? 2 : 1);
        if (grid.dy() < 0) {
            d.doubles(TiffTag.MODEL_PIXEL_SCALE, grid.dx(), -grid.dy(), 0);
            d.doubles(TiffTag.MODEL_TIEPOINT, 0, 0, 0, grid.x0(), grid.y0(), 0);
        } else {
            d.doubles(TiffTag.MODEL_TRANSFORMATION, grid.dx(), 0, 0, grid.x0(), 0, grid.dy(), 0, grid.y0(),
                    0, 0, 0, 0, 0, 0, 0, 1);
        }
        d.shorts(TiffTag.GEO_KEY_DIRECTORY, keys.directory());
        if (keys.doubles().length > 0) {
            d.doubles(TiffTag.GEO_DOUBLE_PARAMS, keys.doubles());
        }
        if (!keys.ascii().isEmpty()) {
            d.ascii(TiffTag.GEO_ASCII_PARAMS, keys.ascii());
        }
        if (!Double.isNaN(noData) || type.isFloatingPoint()) {
            d.ascii(TiffTag.GDAL_NODATA, SampleValues.noDataText(type, noData));
        }
        return d;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a directory; the rename itself is still atomic
        }
    }

    /** Deletes the temporary files unless the sink was committed. */
    @Override
    public synchronized void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            out.close();
        } catch (IOException e) {
            // deleted below
        }
        closeScratch();
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // nothing more can be done; the name shows it is a partial file
        }
    }

    private void closeScratch() {
        try {
            if (scratch != null) {
                scratch.close();
            }
            Files.deleteIfExists(scratchPath);
        } catch (IOException e) {
            // a left-over scratch file is named after the partial output
        }
    }

    /** Temporary files are created owner-only; a finished map is an ordinary file (rw-r--r--). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
