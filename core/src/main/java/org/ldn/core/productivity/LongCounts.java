package org.ldn.core.productivity;

import java.util.Arrays;

/**
 * A map from {@code long} keys to {@code long} counts, open addressing with linear probing. Hand-written because
 * core depends on no primitive-collections library and a {@code HashMap<Long, Long>} would box every pixel's
 * update. {@link Long#MIN_VALUE} cannot be a key. Not thread-safe: one instance per thread, merged at the end.
 */
final class LongCounts implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private long[] counts;
    private int size;

    LongCounts() {
        keys = new long[16];
        counts = new long[16];
        Arrays.fill(keys, EMPTY);
    }

    /** Adds {@code count} to {@code key}'s count. */
    void add(long key, long count) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key " + key);
        }
        int i = slot(key, keys);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                grow();
                i = slot(key, keys);
            }
        }
        counts[i] += count;
    }

    /** The count of {@code key}, 0 when absent. */
    long get(long key) {
        return get(key, 0);
    }

    /** The count of {@code key}, {@code absent} when it has none. */
    long get(long key, long absent) {
        int i = slot(key, keys);
        return keys[i] == EMPTY ? absent : counts[i];
    }

    int size() {
        return size;
    }

    /** Adds every count of {@code other} into this one. */
    void addAll(LongCounts other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != EMPTY) {
                add(other.keys[i], other.counts[i]);
            }
        }
    }

    /** The keys, sorted, and their counts in {@code countsOut} (resized by the caller to {@link #size()}). */
    long[] sortedKeys(long[] countsOut) {
        long[] k = new long[size];
        int j = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                k[j++] = key;
            }
        }
        Arrays.sort(k);
        for (int i = 0; i < k.length; i++) {
            countsOut[i] = get(k[i]);
        }
        return k;
    }

    private static int slot(long key, long[] keys) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** A 64-bit finalizer (MurmurHash3's fmix64) so that neighbouring keys spread over the table. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe53e2b63L;
        return k ^ (k >>> 33);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i], keys);
                keys[j] = oldKeys[i];
                counts[j] = oldCounts[i];
            }
        }
    }
}
