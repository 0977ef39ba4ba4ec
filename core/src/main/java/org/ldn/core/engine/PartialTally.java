package org.ldn.core.engine;

import java.io.Serializable;
import java.util.Arrays;
import org.ldn.core.InputException;
import org.ldn.core.accounting.ZoneTally;

/**
 * The tally of a share of a run's tiles ({@link TiledRun#tally}): exact integer sums per (zone, key), plus the
 * land-type codes the share met, in the order it numbered them. {@link #merge} adds another share, renumbering its
 * land types into this one's, so merging is associative and commutative up to that numbering, which the report
 * does not see (it is keyed by code): any partition of the tiles, merged in any order or tree, gives the report of
 * {@link Engine#run}. Serializable, to travel between the processes of a cluster. Not thread-safe.
 */
public final class PartialTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ZoneTally tally;
    /** Land-type code of each index, in index order. */
    private int[] landTypeCodes;
    /** First key of the land-type block of each reporting period (periods 1..). */
    private final int[] landTypeBase;
    private final String landTypeSource;
    private long tiles;

    PartialTally(ZoneTally tally, int[] landTypeCodes, TallyLayout layout, int periods, String landTypeSource,
            long tiles) {
        this.tally = tally;
        this.landTypeCodes = landTypeCodes.clone();
        this.landTypeBase = new int[Math.max(0, periods - 1)];
        for (int p = 1; p < periods; p++) {
            landTypeBase[p - 1] = layout.period(p) + TallyLayout.LAND_TYPES;
        }
        this.landTypeSource = landTypeSource;
        this.tiles = tiles;
    }

    /** How many tiles were tallied into this share (merged shares add up). */
    public long tiles() {
        return tiles;
    }

    ZoneTally tally() {
        return tally;
    }

    int[] landTypeCodes() {
        return landTypeCodes.clone();
    }

    /**
     * Adds {@code other} (a share of the same run) into this one and returns this one; {@code other} is left as
     * it was.
     */
    public PartialTally merge(PartialTally other) {
        int keys = tally.keys();
        int[] map = new int[keys];
        for (int k = 0; k < keys; k++) {
            map[k] = k;
        }
        int[] codes = landTypeCodes;
        int count = codes.length;
        codes = Arrays.copyOf(codes, count + other.landTypeCodes.length);
        for (int i = 0; i < other.landTypeCodes.length; i++) {
            int code = other.landTypeCodes[i];
            int j = 0;
            while (j < count && codes[j] != code) {
                j++;
            }
            if (j == count) {
                if (count == TallyLayout.MAX_LAND_TYPES) {
                    throw new InputException(landTypeSource + ": more than " + TallyLayout.MAX_LAND_TYPES
                            + " distinct land types (reclassify the land-type map)");
                }
                codes[count++] = code;
            }
            for (int base : landTypeBase) {
                for (int s = 0; s < TallyLayout.LAND_TYPE_KEYS; s++) {
                    map[base + TallyLayout.LAND_TYPE_KEYS * i + s] = base + TallyLayout.LAND_TYPE_KEYS * j + s;
                }
            }
        }
        // indices that other never assigned hold zeros, so mapping them to themselves adds nothing
        tally.mergeMapped(other.tally, map);
        landTypeCodes = Arrays.copyOf(codes, count);
        tiles += other.tiles;
        return this;
    }
}
