package org.ldn.core.scenario;

import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.core.zone.ZoneSource;

/**
 * A land-cover map as a restoration plan would make it: inside the plan's polygons ({@code area}, rasterized on
 * the same grid), every pixel holds {@code code}, a source-legend code of the target class. Thread-safe.
 */
final class RestoredLandCover implements RasterSource {
    private final RasterSource map;
    private final ZoneSource area;
    private final double code;
    private final ThreadLocal<int[]> inside = new ThreadLocal<>();

    RestoredLandCover(RasterSource map, ZoneSource area, int code) {
        this.map = map;
        this.area = area;
        this.code = code;
    }

    @Override
    public void read(int band, Window window, double[] out) {
        map.read(band, window, out);
        int n = window.length();
        int[] z = inside.get();
        if (z == null || z.length < n) {
            z = new int[n];
            inside.set(z);
        }
        area.fill(window, z);
        for (int i = 0; i < n; i++) {
            if (z[i] >= 0) {
                out[i] = code;
            }
        }
    }

    @Override
    public String name() {
        return map.name() + " (restored)";
    }

    @Override
    public Grid grid() {
        return map.grid();
    }

    @Override
    public int bandCount() {
        return map.bandCount();
    }

    @Override
    public SampleType sampleType() {
        return map.sampleType();
    }

    @Override
    public double noData() {
        return map.noData();
    }

    @Override
    public void close() {
        inside.remove();
    }
}
