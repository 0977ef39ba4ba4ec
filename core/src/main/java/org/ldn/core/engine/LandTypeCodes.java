package org.ldn.core.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.ldn.core.InputException;

/**
 * Dense indices for the land-type codes met during a run, assigned on first sight from any thread.
 * The index of a code depends on thread timing, but reports are keyed by code, so results do not. Thread-safe.
 */
final class LandTypeCodes {
    static final int MAX_CODE = 65535;
    private final int[] indexOf = new int[MAX_CODE + 1];
    private final int[] codeOf = new int[TallyLayout.MAX_LAND_TYPES];
    private int count;
    private final String source;

    LandTypeCodes(String source) {
        this.source = source;
        Arrays.fill(indexOf, -1);
    }

    /** The index of {@code code} (0..65535), assigning the next one if it is new. */
    int index(int code) {
        int i = indexOf[code];
        if (i >= 0) {
            return i;
        }
        synchronized (this) {
            if (indexOf[code] < 0) {
                if (count == TallyLayout.MAX_LAND_TYPES) {
                    throw new InputException(source + ": more than " + TallyLayout.MAX_LAND_TYPES
                            + " distinct land types (reclassify the land-type map)");
                }
                codeOf[count] = code;
                indexOf[code] = count++;
            }
            return indexOf[code];
        }
    }

    String source() {
        return source;
    }

    /** The code of each index assigned so far, in index order. */
    synchronized int[] codes() {
        return Arrays.copyOf(codeOf, count);
    }

    /** Code → index of every land type met, ordered by code. */
    synchronized Map<Integer, Integer> byCode() {
        Map<Integer, Integer> m = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            m.put(codeOf[i], i);
        }
        return m;
    }
}
