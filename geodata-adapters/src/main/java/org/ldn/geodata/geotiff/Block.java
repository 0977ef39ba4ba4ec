package org.ldn.geodata.geotiff;

/**
 * One decoded strip or tile: its samples, row-major and pixel-interleaved, in a primitive array as wide as the
 * stored samples ({@code byte[]}, {@code short[]}, {@code int[]} or {@code long[]}; floating-point samples are
 * kept as their IEEE bits). Rows are {@link TiffLayout#blockWidth()} pixels apart. Never modified while anyone
 * can read it; a cached block's array is reused for another block only once it has left the cache and no reader
 * holds it ({@link BlockCache}).
 */
final class Block {
    private final Object samples;
    private final int bytes;
    /** Readers holding this block; guarded by the {@link BlockCache}'s lock. */
    int holders;
    /** Left the cache (evicted, replaced or its file closed); guarded by the {@link BlockCache}'s lock. */
    boolean dropped;

    /**
     * @param samples the samples
     * @param bytes the decoded size, for the cache's budget
     */
    Block(Object samples, int bytes) {
        this.samples = samples;
        this.bytes = bytes;
    }

    Object samples() {
        return samples;
    }

    int bytes() {
        return bytes;
    }
}
