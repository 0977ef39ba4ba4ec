package org.ldn.geodata.geotiff;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used decoded blocks of every open file, up to one budget in bytes for the whole process, so
 * that windows smaller than a block (or strips read by windows narrower than the image) decode each block once, and
 * memory does not grow with the number of files a run opens.
 *
 * <p>The budget is what the readers need, not a fixed size: each file whose reads come back to blocks it cached
 * {@link #reserve reserves} what its reads reuse (the blocks of one more band of blocks than a window spans, across
 * the image: tiles read row after row share the band between them), and the budget is the sum of the open files'
 * reservations, within a floor and a cap ({@link #SHARED}: 16 MB and 256 MB, or an eighth of the heap when that is
 * less). Every block the cache keeps is copied by the collector into the old generation, so a budget larger than
 * the reads reuse costs collector pauses and memory for nothing (docs/benchmarks.md, "Ninth round").
 * Thread-safe; two threads asking for the same missing block may both decode it, which wastes time but never gives
 * a wrong value.
 *
 * <p>A reader holds a block from {@link #acquire} or {@link #put} until it calls {@link #release}. The array of a
 * block that has left the cache goes, once no reader holds it, to a small pool from which the decoder takes the
 * arrays of the next blocks ({@link #take}): a run that streams gigabytes of unaligned blocks through the cache then
 * allocates almost none, rather than filling the old generation with blocks the collector must copy there and
 * later sweep (docs/benchmarks.md, "Eighth round").
 */
final class BlockCache {
    private static final long SHARED_CAP = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);
    /** The process's cache; its pool keeps up to a sixteenth of its cap. */
    static final BlockCache SHARED = new BlockCache(SHARED_CAP, SHARED_CAP / 16, Math.min(16L << 20, SHARED_CAP));

    private final long cap;
    private final long floor;
    /** Bytes each file reserved (key: file id). */
    private final Map<Long, Long> reserved = new HashMap<>();
    private long reservedTotal;
    private long used;
    /** Key: the file's id in the high 32 bits, the block index in the low 32 bits. */
    private final LinkedHashMap<Long, Block> blocks = new LinkedHashMap<>(64, 0.75f, true);
    /** Arrays of blocks no one holds any more, by {@link #shape}; at most {@link #poolBudget} bytes in all. */
    private final Map<Long, ArrayDeque<Object>> pool = new HashMap<>();
    private final long poolBudget;
    private long pooled;
    private long reused;

    /** Keeps up to {@code budgetBytes} of blocks whatever the reservations, and up to {@code poolBytes} of arrays. */
    BlockCache(long budgetBytes, long poolBytes) {
        this(budgetBytes, poolBytes, budgetBytes);
    }

    /**
     * Keeps up to the open files' reservations in blocks, but at least {@code floorBytes} and at most
     * {@code capBytes}; and up to {@code poolBytes} of arrays to reuse.
     */
    BlockCache(long capBytes, long poolBytes, long floorBytes) {
        if (floorBytes > capBytes) {
            throw new IllegalArgumentException("floor " + floorBytes + " above cap " + capBytes);
        }
        this.cap = capBytes;
        this.floor = floorBytes;
        this.poolBudget = poolBytes;
    }

    /**
     * Raises what {@code file} reserves to {@code bytes} (a reservation never shrinks while the file is open; it
     * ends with {@link #removeFile}).
     */
    synchronized void reserve(long file, long bytes) {
        long old = reserved.getOrDefault(file, 0L);
        if (bytes > old) {
            reserved.put(file, bytes);
            reservedTotal += bytes - old;
        }
    }

    /** The current budget in bytes: the open files' reservations, within [floor, cap]. */
    synchronized long budget() {
        return Math.max(floor, Math.min(cap, reservedTotal));
    }

    private static long key(long file, int index) {
        return (file << 32) | (index & 0xFFFF_FFFFL);
    }

    /** The cached block, held by the caller until {@link #release}; or null. */
    synchronized Block acquire(long file, int index) {
        Block b = blocks.get(key(file, index));
        if (b != null) {
            b.holders++;
        }
        return b;
    }

    /** Caches a block the caller has just decoded into arrays of its own; the caller holds it until {@link #release}. */
    synchronized void put(long file, int index, Block block) {
        block.holders++;
        if (block.bytes() > cap) {
            block.dropped = true;
            return;
        }
        long k = key(file, index);
        Block old = blocks.put(k, block);
        if (old != null) {
            drop(old);
        }
        used += block.bytes();
        var it = blocks.entrySet().iterator();
        long budget = budget();
        while (used > budget && it.hasNext()) {
            Map.Entry<Long, Block> e = it.next();
            if (e.getKey() != k) {
                it.remove();
                drop(e.getValue());
            }
        }
    }

    /** Ends the caller's hold on a block from {@link #acquire} or {@link #put}. */
    synchronized void release(Block block) {
        if (--block.holders == 0 && block.dropped) {
            recycle(block.samples());
        }
    }

    /**
     * A pooled array of {@code length} elements of {@code elementBytes} bytes ({@code byte[]}, {@code short[]},
     * {@code int[]} or {@code long[]}), now the caller's alone; or null when the pool has none.
     */
    synchronized Object take(int elementBytes, int length) {
        ArrayDeque<Object> arrays = pool.get(shape(elementBytes, length));
        Object a = arrays == null ? null : arrays.poll();
        if (a != null) {
            pooled -= (long) elementBytes * length;
            reused++;
        }
        return a;
    }

    /** Forgets the blocks and the reservation of a file being closed. */
    synchronized void removeFile(long file) {
        Long r = reserved.remove(file);
        if (r != null) {
            reservedTotal -= r;
        }
        var it = blocks.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Block> e = it.next();
            if (e.getKey() >>> 32 == file) {
                it.remove();
                drop(e.getValue());
            }
        }
    }

    private void drop(Block block) {
        used -= block.bytes();
        block.dropped = true;
        if (block.holders == 0) {
            recycle(block.samples());
        }
    }

    private void recycle(Object array) {
        int elementBytes = array instanceof byte[] ? 1 : array instanceof short[] ? 2 : array instanceof int[] ? 4 : 8;
        int length = Array.getLength(array);
        long size = (long) elementBytes * length;
        if (pooled + size <= poolBudget) {
            pool.computeIfAbsent(shape(elementBytes, length), s -> new ArrayDeque<>()).add(array);
            pooled += size;
        }
    }

    private static long shape(int elementBytes, int length) {
        return ((long) elementBytes << 32) | length;
    }

    /** Bytes of arrays waiting in the pool (for tests). */
    synchronized long pooledBytes() {
        return pooled;
    }

    /** Arrays {@link #take} has handed out again (for tests). */
    synchronized long reused() {
        return reused;
    }
}
