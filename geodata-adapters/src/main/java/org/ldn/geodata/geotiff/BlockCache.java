package org.ldn.geodata.geotiff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used decoded blocks of every open file, up to one budget in bytes for the whole process
 * ({@link #SHARED}: 256 MB, or an eighth of the heap when that is less), so that windows smaller than a block (or
 * strips read by windows narrower than the image) decode each block once, and memory does not grow with the number
 * of files a run opens. Thread-safe; two threads asking for the same missing block may both decode it, which wastes
 * time but never gives a wrong value.
 */
final class BlockCache {
    static final BlockCache SHARED = new BlockCache(Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));

    private final long budget;
    private long used;
    /** Key: the file's id in the high 32 bits, the block index in the low 32 bits. */
    private final LinkedHashMap<Long, Block> blocks = new LinkedHashMap<>(64, 0.75f, true);

    BlockCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    private static long key(long file, int index) {
        return (file << 32) | (index & 0xFFFF_FFFFL);
    }

    synchronized Block get(long file, int index) {
        return blocks.get(key(file, index));
    }

    synchronized void put(long file, int index, Block block) {
        if (block.bytes() > budget) {
            return;
        }
        long k = key(file, index);
        Block old = blocks.put(k, block);
        if (old != null) {
            used -= old.bytes();
        }
        used += block.bytes();
        var it = blocks.entrySet().iterator();
        while (used > budget && it.hasNext()) {
            Map.Entry<Long, Block> e = it.next();
            if (e.getKey() != k) {
                used -= e.getValue().bytes();
                it.remove();
            }
        }
    }

    /** Forgets the blocks of a file being closed. */
    synchronized void removeFile(long file) {
        var it = blocks.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Block> e = it.next();
            if (e.getKey() >>> 32 == file) {
                used -= e.getValue().bytes();
                it.remove();
            }
        }
    }
}
