package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldn.core.grid.Window;

/** The cache's holds and the reuse of the arrays of blocks that left it. */
class BlockCacheTest {
    private static Block block(int bytes) {
        return new Block(new byte[bytes], bytes);
    }

    /** Caches a new block of {@code bytes} as a reader that has finished with it. */
    private static Block putReleased(BlockCache cache, long file, int index, int bytes) {
        Block b = block(bytes);
        cache.put(file, index, b);
        cache.release(b);
        return b;
    }

    @Test
    void anEvictedBlocksArrayIsReusedOnceNoOneHoldsIt() {
        BlockCache cache = new BlockCache(300, 300);
        Block a = putReleased(cache, 1, 0, 100);
        putReleased(cache, 1, 1, 100);
        putReleased(cache, 1, 2, 100);
        assertNull(cache.take(1, 100), "nothing has left the cache yet");
        putReleased(cache, 1, 3, 100); // evicts a, the least recently used
        assertNull(cache.acquire(1, 0));
        assertSame(a.samples(), cache.take(1, 100));
        assertNull(cache.take(1, 100), "an array is handed out once");
        assertNull(cache.take(2, 50), "arrays are reused only for the same type and length");
        assertEquals(1, cache.reused());
    }

    @Test
    void aHeldBlocksArrayIsReusedOnlyAfterItsLastRelease() {
        BlockCache cache = new BlockCache(200, 200);
        Block a = putReleased(cache, 1, 0, 100);
        Block held = cache.acquire(1, 0); // a reader is copying from it
        Block again = cache.acquire(1, 0); // and another
        assertSame(a, held);
        assertSame(a, again);
        putReleased(cache, 1, 1, 100);
        putReleased(cache, 1, 2, 100);
        assertNull(cache.acquire(1, 0), "evicted");
        assertNull(cache.take(1, 100), "still held by two readers");
        cache.release(held);
        assertNull(cache.take(1, 100), "still held by one reader");
        cache.release(again);
        assertSame(a.samples(), cache.take(1, 100));
    }

    @Test
    void aBlockReplacedWhileHeldIsReusedAfterItsRelease() {
        BlockCache cache = new BlockCache(1000, 1000);
        Block first = block(100);
        Block second = block(100);
        cache.put(1, 0, first); // two threads decoded the same block
        cache.put(1, 0, second);
        cache.release(second);
        assertSame(second, cache.acquire(1, 0));
        assertNull(cache.take(1, 100));
        cache.release(first);
        assertSame(first.samples(), cache.take(1, 100));
    }

    @Test
    void closingAFilePoolsItsBlocksAndThePoolKeepsItsBudget() {
        BlockCache cache = new BlockCache(1000, 250);
        for (int i = 0; i < 5; i++) {
            putReleased(cache, 7, i, 100);
        }
        Block other = putReleased(cache, 8, 0, 100);
        cache.removeFile(7);
        assertNull(cache.acquire(7, 0));
        assertSame(other, cache.acquire(8, 0));
        assertEquals(200, cache.pooledBytes(), "two of the five arrays fit in the pool's 250 bytes");
        assertTrue(cache.take(1, 100) != null && cache.take(1, 100) != null);
        assertNull(cache.take(1, 100));
        assertEquals(0, cache.pooledBytes());
    }

    @Test
    void aBlockLargerThanTheBudgetIsNotKept() {
        BlockCache cache = new BlockCache(100, 100);
        putReleased(cache, 1, 0, 101);
        assertNull(cache.acquire(1, 0));
        assertNull(cache.take(1, 101));
    }

    @Test
    void theBudgetIsTheOpenFilesReservationsWithinTheFloorAndTheCap() {
        BlockCache cache = new BlockCache(1000, 0, 200);
        assertEquals(200, cache.budget(), "no reservation: the floor");
        cache.reserve(1, 300);
        assertEquals(300, cache.budget());
        cache.reserve(2, 400);
        assertEquals(700, cache.budget());
        cache.reserve(1, 100);
        assertEquals(700, cache.budget(), "a reservation does not shrink while its file is open");
        cache.reserve(3, 900);
        assertEquals(1000, cache.budget(), "the cap");
        cache.removeFile(3);
        assertEquals(700, cache.budget());
        cache.removeFile(1);
        cache.removeFile(2);
        assertEquals(200, cache.budget(), "the floor again");
    }

    @Test
    void blocksAreEvictedPastTheBudgetNotTheCap() {
        BlockCache cache = new BlockCache(1000, 0, 200);
        putReleased(cache, 1, 0, 100);
        putReleased(cache, 1, 1, 100);
        putReleased(cache, 1, 2, 100);
        assertNull(cache.acquire(1, 0), "evicted: 300 bytes pass the budget of 200");
        cache.reserve(1, 400);
        putReleased(cache, 1, 3, 100);
        putReleased(cache, 1, 4, 100);
        for (int i = 1; i <= 4; i++) {
            Block b = cache.acquire(1, i);
            assertTrue(b != null, "block " + i + " is kept within the reservation of 400");
            cache.release(b);
        }
    }

    /**
     * A file reserves the blocks of one more band of blocks than its windows span, across the image (worked out
     * from the fixture's layout: tiled, stripped, and band-interleaved with a plane of blocks per band) once its
     * reads come back to a block they cached, and gives it back when it is closed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"uint8_tile_none_p1.tif", "uint8_strip_deflate_p1.tif", "mb3_int16_tile_lzw_p2_band.tif"})
    void aFileReservesOneMoreBandOfBlocksThanItsWindowsSpan(String fixture) {
        Path path = GeoTiffFixtures.dir().resolve(fixture);
        long floor;
        try (GeoTiffSource probe = GeoTiffSource.open(path, fixture, null, new BlockCache(1 << 20, 0))) {
            TiffLayout l = probe.layout();
            floor = 2L * l.blockWidth() * l.blockHeight() * l.samplesInBlock() * l.bytesPerSample(); // two blocks
        }
        BlockCache cache = new BlockCache(1L << 30, 0, floor);
        try (GeoTiffSource source = GeoTiffSource.open(path, fixture, null, cache)) {
            TiffLayout l = source.layout();
            int bw = l.blockWidth();
            int bh = l.blockHeight();
            int planes = l.planar() ? l.samplesPerPixel() : 1;
            long band = (long) l.blocksAcross() * bw * bh * l.samplesInBlock() * l.bytesPerSample() * planes;
            int h = Math.min(bh + 1, source.grid().height() - 1);
            source.read(0, new Window(1, 1, 1, h), new double[h]); // parts of two blocks: cached
            assertEquals(floor, cache.budget(), "nothing read twice yet: nothing reserved");
            source.read(0, new Window(2, 1, 1, h), new double[h]); // the same blocks again
            long spanned = (h + bh - 1) / bh;
            assertTrue((spanned + 1) * band > floor, "the fixture must show the reservation");
            assertEquals((spanned + 1) * band, cache.budget(), l.toString());
        }
        assertEquals(floor, cache.budget(), "closed: the reservation is given back");
    }

    /**
     * Threads read random windows (parts of blocks, so blocks are cached) through a cache of about two blocks, so
     * that blocks are evicted and their arrays reused all the time; every value must be the one a whole read gives.
     * A block's array reused while a reader still copies from it would give other values.
     */
    @ParameterizedTest
    @ValueSource(strings = {"uint8_tile_none_p1.tif", "uint8_strip_deflate_p1.tif", "int16_tile_deflate_p2.tif",
        "float64_tile_deflate_p3.tif", "uint32_strip_lzw_p2.tif", "mb3_uint16_tile_deflate_p2_pixel.tif",
        "mb3_int16_tile_lzw_p2_band.tif"})
    void concurrentReadsThroughAChurningCacheGiveTheFilesValues(String fixture) throws Exception {
        Path path = GeoTiffFixtures.dir().resolve(fixture);
        int width;
        int height;
        int bands;
        double[] truth;
        long blockBytes;
        try (GeoTiffSource whole = GeoTiffSource.open(path, fixture, null, new BlockCache(1 << 20, 0))) {
            width = whole.grid().width();
            height = whole.grid().height();
            bands = whole.bandCount();
            truth = new double[width * height * bands];
            whole.readBands(0, bands, new Window(0, 0, width, height), truth);
            int[] bs = whole.blockSize();
            blockBytes = (long) bs[0] * bs[1] * bands * whole.sampleType().bytes();
        }
        BlockCache churning = new BlockCache(2 * blockBytes, 2 * blockBytes);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (GeoTiffSource source = GeoTiffSource.open(path, fixture, null, churning)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = fixture.hashCode() * 31L + t;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int k = 0; k < 3000; k++) {
                        int c = random.nextInt(width);
                        int r = random.nextInt(height);
                        Window w = new Window(c, r, 1 + random.nextInt(width - c), 1 + random.nextInt(height - r));
                        int first = random.nextInt(bands);
                        int count = 1 + random.nextInt(bands - first);
                        double[] out = new double[w.length() * count];
                        source.readBands(first, count, w, out);
                        double[] expected = new double[out.length];
                        for (int b = 0; b < count; b++) {
                            for (int y = 0; y < w.height(); y++) {
                                System.arraycopy(truth, (first + b) * width * height + (w.row() + y) * width + w.col(),
                                        expected, b * w.length() + y * w.width(), w.width());
                            }
                        }
                        assertArrayEquals(expected, out, fixture + " window " + w + " bands " + first + "+" + count);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(churning.reused() > 100, "the test must exercise reuse: " + churning.reused() + " arrays reused");
    }
}
