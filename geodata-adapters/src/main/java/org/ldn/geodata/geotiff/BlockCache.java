package org.ldn.geodata.geotiff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used decoded blocks of one file, up to a budget in bytes, so that windows smaller than a
 * block (or strips read by windows narrower than the image) decode each block once. Thread-safe; two threads
 * asking for the same missing block may both decode it, which wastes time but never gives a wrong value.
 */
final class BlockCache {
    private final long budget;
    private long used;
    private final LinkedHashMap<Integer, Block> blocks = new LinkedHashMap<>(64, 0.75f, true);

    BlockCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    synchronized Block get(int index) {
        return blocks.get(index);
    }

    synchronized void put(int index, Block block) {
        if (block.bytes() > budget) {
            return;
        }
        Block old = blocks.put(index, block);
        if (old != null) {
            used -= old.bytes();
        }
        used += block.bytes();
        var it = blocks.entrySet().iterator();
        while (used > budget && it.hasNext()) {
            Map.Entry<Integer, Block> e = it.next();
            if (e.getKey() != index) {
                used -= e.getValue().bytes();
                it.remove();
            }
        }
    }
}
