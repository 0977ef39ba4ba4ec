package org.ldn.core.zone;

import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * Port: the zone (country, province, land unit) of every pixel of the reference grid, window by window.
 * Zones are numbered {@code 0 .. zoneCount() − 1}; a pixel in no zone is {@link #NO_ZONE}. A pixel belongs to at most
 * one zone. Implementations are thread-safe: several threads may fill different windows at once.
 */
public interface ZoneSource {
    /** The value {@link #fill} writes for a pixel that belongs to no zone. */
    int NO_ZONE = -1;

    /** The grid the zones are rasterized on. */
    Grid grid();

    int zoneCount();

    /** The identifier of zone {@code zone} as the boundaries give it. */
    String zoneId(int zone);

    /** The display name of zone {@code zone}. */
    String zoneName(int zone);

    /**
     * The number of pixels of the whole grid in zone {@code zone}; 0 means the zone covers no pixel centre at all,
     * which the engine reports as such rather than as a zone of area zero.
     */
    long pixelCount(int zone);

    /**
     * Writes the zone of each pixel of {@code window} into {@code out}, row-major ({@code out[r·width + c]}),
     * {@link #NO_ZONE} where there is none. {@code out} must hold at least {@code window.length()} values.
     */
    void fill(Window window, int[] out);
}
