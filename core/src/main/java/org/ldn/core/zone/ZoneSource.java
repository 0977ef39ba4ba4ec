package org.ldn.core.zone;

import org.ldn.core.grid.Window;

/** Port: which zone each pixel of the reference grid belongs to. Thread-safe. */
public interface ZoneSource {
    int zoneCount();

    String id(int zone);

    String name(int zone);

    /** Fills {@code out[r·width + c]} with the zone index of each pixel of {@code window}, or −1 for none. */
    void fill(Window window, int[] out);
}
