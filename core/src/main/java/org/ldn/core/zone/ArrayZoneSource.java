package org.ldn.core.zone;

import java.util.List;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;

/**
 * Zones given as an array of zone indices over a grid (−1 = no zone): for tests and API users whose zones are
 * already rasterized. The array is not copied; do not change it afterwards. Thread-safe.
 */
public final class ArrayZoneSource implements ZoneSource {
    private final Grid grid;
    private final int[] zoneOfPixel;
    private final List<String> ids;
    private final List<String> names;

    public ArrayZoneSource(Grid grid, int[] zoneOfPixel, List<String> ids, List<String> names) {
        if (zoneOfPixel.length != grid.pixelCount()) {
            throw new IllegalArgumentException("zone array does not match the grid");
        }
        if (ids.size() != names.size()) {
            throw new IllegalArgumentException("ids and names differ in length");
        }
        for (int z : zoneOfPixel) {
            if (z < -1 || z >= ids.size()) {
                throw new IllegalArgumentException("zone index " + z + " out of range");
            }
        }
        this.grid = grid;
        this.zoneOfPixel = zoneOfPixel;
        this.ids = List.copyOf(ids);
        this.names = List.copyOf(names);
    }

    @Override
    public int zoneCount() {
        return ids.size();
    }

    @Override
    public String id(int zone) {
        return ids.get(zone);
    }

    @Override
    public String name(int zone) {
        return names.get(zone);
    }

    @Override
    public void fill(Window w, int[] out) {
        for (int r = 0; r < w.height(); r++) {
            System.arraycopy(zoneOfPixel, (w.row() + r) * grid.width() + w.col(), out, r * w.width(), w.width());
        }
    }
}
