package org.ldn.geodata.geotiff;

import java.nio.file.Path;
import java.util.Arrays;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterReadException;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;

/**
 * A GeoTIFF file read window by window. Classic TIFF and BigTIFF in either byte order, strips or tiles, pixel- or
 * band-interleaved, uncompressed, LZW, DEFLATE or PackBits, predictors 1, 2 and 3, 8- to 64-bit integer and
 * floating-point samples (16-bit floats are returned as Float32, as GDAL does). Anything else is rejected when the
 * file is opened, with a message naming the file and how to re-encode it, so a value is never read wrong.
 *
 * <p>Only the strips or tiles a window touches are read and decoded; a cache shared by every open file keeps
 * recently decoded blocks that a window used only in part, so windows narrower than a strip decode it once; blocks
 * a window consumes whole are not kept. Its size is what the files whose windows come back to their blocks reserve
 * (one more band of blocks than a window spans, across the image), within 16 MB and 256 MB (or an eighth of the
 * heap). The arrays of blocks that leave the cache are reused for new ones (a pool of a sixteenth of its cap).
 * Thread-safe: reads use positional file access and each thread's own decoding buffers, and a cached block is held
 * while it is copied from, so its array is never reused under a reader. The CRS comes from Apache SIS (which knows
 * the EPSG database); the geotransform from our own reading of the tags, checked against SIS's.
 */
public final class GeoTiffSource implements RasterSource {
    private final String name;
    private final TiffChannel file;
    private final TiffLayout layout;
    private final BlockDecoder decoder;
    /** The process-wide cache of decoded blocks, and this file's key in it. */
    private final BlockCache cache;
    private final long id;
    /** What this file has reserved in the cache so far (bytes): a cache hit calls the cache only to raise it. */
    private volatile long reserved;
    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID = new java.util.concurrent.atomic.AtomicLong();
    private final SampleCopy samples;
    private final Grid grid;
    private final double noData;
    private final double scale;
    private final double offset;

    private GeoTiffSource(String name, TiffChannel file, TiffLayout layout, Grid grid, double declaredNoData,
            double[] scaleOffset, BlockCache cache) {
        this.name = name;
        this.cache = cache;
        this.file = file;
        this.layout = layout;
        this.decoder = new BlockDecoder(layout, file, cache);
        this.id = NEXT_ID.getAndIncrement();
        this.samples = new SampleCopy(layout.sampleType(), layout.half(), declaredNoData);
        this.grid = grid;
        this.noData = Double.isNaN(declaredNoData) ? Double.NaN : samples.storedNoData();
        this.scale = scaleOffset[0];
        this.offset = scaleOffset[1];
    }

    /**
     * Opens {@code path}; {@code name} is how the user named it, used in every message.
     *
     * @throws RasterReadException when the file is missing, corrupt, not north-up, has no CRS, or stores its pixels
     *                             in a way this reader does not decode
     */
    public static GeoTiffSource open(Path path, String name) {
        return open(path, name, null);
    }

    /**
     * As {@link #open(Path, String)}, taking the CRS from {@code known} (this file's grid as read before, or
     * {@code null}) instead of Apache SIS when the file's own tags give {@code known}'s size and geotransform exactly.
     */
    static GeoTiffSource open(Path path, String name, Grid known) {
        return open(path, name, known, BlockCache.SHARED);
    }

    /** As {@link #open(Path, String, Grid)}, keeping decoded blocks in {@code cache}. */
    static GeoTiffSource open(Path path, String name, Grid known, BlockCache cache) {
        TiffChannel file = new TiffChannel(path, name);
        try {
            TiffDirectory dir = TiffDirectory.read(file);
            TiffLayout layout = TiffLayout.of(dir, name, file.size());
            GeoKeys keys = GeoKeys.read(dir, name);
            if (keys == null) {
                throw new RasterReadException(name + ": no coordinate reference system (no GeoTIFF keys)"
                        + " (assign one, e.g. `gdal_edit.py -a_srs EPSG:4326 " + path.getFileName() + "`)");
            }
            double[] gt = GeoTransformTags.read(dir, name, keys.pixelIsPoint());
            Grid grid = known != null && sameGeometry(known, gt, layout) ? known : null;
            if (grid == null) {
                Georeference sis = Georeference.read(path, name, dir);
                crossCheck(gt, sis.geoTransform(), name);
                grid = new Grid(sis.crs(), gt[0], gt[3], gt[1], gt[5], layout.width(), layout.height());
            }
            GeoKeyRegistry.register(grid.crs().wkt(), keys);
            double nd = GdalMetadata.noData(dir.ascii(TiffTag.GDAL_NODATA), name);
            double[] so = GdalMetadata.scaleOffset(dir.ascii(TiffTag.GDAL_METADATA), name);
            return new GeoTiffSource(name, file, layout, grid, nd, so, cache);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static boolean sameGeometry(Grid g, double[] gt, TiffLayout layout) {
        return g.width() == layout.width() && g.height() == layout.height() && g.x0() == gt[0] && g.dx() == gt[1]
                && g.y0() == gt[3] && g.dy() == gt[5] && gt[2] == 0 && gt[4] == 0;
    }

    private static void crossCheck(double[] ours, double[] sis, String name) {
        if (sis == null) {
            return;
        }
        double px = Math.max(Math.abs(ours[1]), Math.abs(ours[5]));
        boolean same = Math.abs(ours[0] - sis[0]) <= 1e-6 * px && Math.abs(ours[3] - sis[3]) <= 1e-6 * px
                && Math.abs(ours[1] - sis[1]) <= 1e-9 * px && Math.abs(ours[5] - sis[5]) <= 1e-9 * px
                && Math.abs(sis[2]) <= 1e-9 * px && Math.abs(sis[4]) <= 1e-9 * px;
        if (!same) {
            throw new RasterReadException(name + ": ambiguous georeferencing: the tags give the geotransform "
                    + Arrays.toString(ours) + " but Apache SIS reads " + Arrays.toString(sis)
                    + " (re-create the file with GDAL)");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public int bandCount() {
        return layout.samplesPerPixel();
    }

    @Override
    public SampleType sampleType() {
        return layout.sampleType();
    }

    /** The declared nodata value as stored in the sample type (Float32 "-3.4e38" gives -3.3999999521443642e38). */
    @Override
    public double noData() {
        return noData;
    }

    @Override
    public double scale() {
        return scale;
    }

    @Override
    public double offset() {
        return offset;
    }

    @Override
    public void read(int band, Window window, double[] out) {
        readBands(band, 1, window, out);
    }

    /** Reads bands {@code [firstBand, firstBand + count)}; a pixel-interleaved block is decoded once for all. */
    @Override
    public void readBands(int firstBand, int count, Window window, double[] out) {
        if (firstBand < 0 || count < 0 || firstBand + count > bandCount()) {
            throw new IllegalArgumentException(name + ": bands " + firstBand + ".." + (firstBand + count - 1)
                    + " out of 0.." + (bandCount() - 1));
        }
        if (window.colEnd() > grid.width() || window.rowEnd() > grid.height()) {
            throw new IllegalArgumentException(name + ": window " + window + " is not inside the "
                    + grid.width() + "x" + grid.height() + " grid");
        }
        int n = window.length();
        if (out.length < (long) n * count) {
            throw new IllegalArgumentException("output array of " + out.length + " for " + count + " x " + n);
        }
        if (n == 0 || count == 0) {
            return;
        }
        if (layout.planar()) {
            for (int b = 0; b < count; b++) {
                copy(firstBand + b, 1, window, out, b * n);
            }
        } else {
            copy(firstBand, count, window, out, 0);
        }
    }

    /** How the file stores its pixels (for tests). */
    TiffLayout layout() {
        return layout;
    }

    @Override
    public int[] blockSize() {
        return new int[] {layout.blockWidth(), layout.blockHeight()};
    }

    private void copy(int firstBand, int count, Window w, double[] out, int outBase) {
        TiffLayout l = layout;
        int bw = l.blockWidth();
        int bh = l.blockHeight();
        int spb = l.samplesInBlock();
        int n = w.length();
        int bandInBlock = l.planar() ? 0 : firstBand;
        for (int by = w.row() / bh; by <= (w.rowEnd() - 1) / bh; by++) {
            int r0 = (int) Math.max(w.row(), (long) by * bh);
            int r1 = (int) Math.min(w.rowEnd(), (by + 1L) * bh);
            for (int bx = w.col() / bw; bx <= (w.colEnd() - 1) / bw; bx++) {
                int c0 = (int) Math.max(w.col(), (long) bx * bw);
                int c1 = (int) Math.min(w.colEnd(), (bx + 1L) * bw);
                // a block this window consumes whole (aligned tiles) is not kept: nothing will ask for it again
                boolean whole = r0 == by * bh && r1 == Math.min((by + 1L) * bh, grid.height()) && c0 == bx * bw
                        && c1 == Math.min((bx + 1L) * bw, grid.width()) && (l.planar() || count == spb);
                int index = l.blockIndex(l.planar() ? firstBand : 0, bx, by);
                int src = ((r0 - by * bh) * bw + (c0 - bx * bw)) * spb + bandInBlock;
                int dst = outBase + (r0 - w.row()) * w.width() + (c0 - w.col());
                Block held = cache.acquire(id, index);
                if (held == null && whole) {
                    // into this thread's scratch, copied out before the thread decodes another block
                    Object samples = decoder.decode(index, true).samples();
                    copyRows(samples, src, bw * spb, r1 - r0, count, c1 - c0, out, dst, w.width(), n);
                    continue;
                }
                if (held == null) {
                    held = decoder.decode(index, false);
                    cache.put(id, index, held);
                } else {
                    reserveFor(w); // reads come back to this file's blocks: the cache is worth its room
                }
                try {
                    copyRows(held.samples(), src, bw * spb, r1 - r0, count, c1 - c0, out, dst, w.width(), n);
                } finally {
                    cache.release(held); // from here on its array may be reused for another block
                }
            }
        }
    }

    /**
     * Reserves in the cache what reads of windows like {@code w} reuse: the blocks of one more band of blocks than
     * {@code w} spans, across the whole image, and for every band when the bands lie in blocks of their own
     * (windows read row after row share the band of blocks between two rows of windows). Called when a read finds
     * a block in the cache: a file whose windows never come back to a block (windows aligned on its blocks, except
     * at the edges of the part a run reads) reserves nothing, and its few cached blocks share the cache's floor.
     */
    private void reserveFor(Window w) {
        TiffLayout l = layout;
        long rows = (w.height() + l.blockHeight() - 1) / l.blockHeight() + 1L;
        long bytes = rows * l.blocksAcross() * l.decodedBytes(0) * (l.planar() ? l.samplesPerPixel() : 1);
        if (bytes > reserved) {
            reserved = bytes;
            cache.reserve(id, bytes);
        }
    }

    /**
     * Copies {@code rows} rows of {@code width} pixels of {@code count} bands from a block (first sample at
     * {@code src}, rows {@code blockRow} samples apart) to {@code out} (first at {@code dst}, rows {@code outRow}
     * apart, bands n apart). A method of its own so that the JIT compiles this loop once, not {@link #copy} for it.
     */
    private void copyRows(Object block, int src, int blockRow, int rows, int count, int width, double[] out, int dst,
            int outRow, int n) {
        int spb = layout.samplesInBlock();
        for (int r = 0; r < rows; r++, src += blockRow, dst += outRow) {
            for (int b = 0; b < count; b++) {
                samples.copy(block, src + b, spb, width, out, dst + b * n);
            }
        }
    }

    @Override
    public void close() {
        cache.removeFile(id);
        file.close();
    }

    @Override
    public String toString() {
        return "GeoTiffSource[" + name + ", " + grid.width() + "x" + grid.height() + "x" + bandCount() + " "
                + sampleType() + ", " + grid.crs().label() + "]";
    }
}
