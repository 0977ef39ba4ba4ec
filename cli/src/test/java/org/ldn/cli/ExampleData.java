package org.ldn.cli;

import java.nio.file.Path;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSink;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.raster.SampleType;
import org.ldn.geodata.geotiff.GeoTiffIO;

/**
 * Makes the SYNTHETIC parts of the bundled example (example/README.md says which files are synthetic) from the real
 * New Guinea land cover: a 2019 land-cover map (the real 2015 map with planted conversions) and 5-class LPD maps for
 * the baseline and the first reporting period. Deterministic: smooth value noise from fixed seeds, no randomness
 * from the environment. Run: {@code java -cp ... org.ldn.cli.ExampleData example}.
 */
public final class ExampleData {
    static final int NODATA_LC = 255;
    static final int NODATA_LPD = 0;

    private ExampleData() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "example");
        generate(dir.resolve("lc_2001.tif"), dir.resolve("lc_2015.tif"), dir);
    }

    static void generate(Path lc2001, Path lc2015, Path out) {
        GeoTiffIO io = new GeoTiffIO();
        try (RasterSource a = io.open(lc2001, "lc_2001.tif"); RasterSource b = io.open(lc2015, "lc_2015.tif");
                RasterSink lc2019 = io.create(out.resolve("lc_2019_synthetic.tif"), b.grid(), SampleType.UINT8,
                        NODATA_LC);
                RasterSink lpd0 = io.create(out.resolve("lpd_baseline_synthetic.tif"), b.grid(), SampleType.UINT8,
                        NODATA_LPD);
                RasterSink lpd1 = io.create(out.resolve("lpd_reporting1_synthetic.tif"), b.grid(), SampleType.UINT8,
                        NODATA_LPD)) {
            Grid g = b.grid();
            Tiling t = Tiling.of(g, 256);
            double[] v01 = new double[256 * 256];
            double[] v15 = new double[256 * 256];
            for (Window w : t.windows()) {
                int n = w.length();
                a.read(0, w, v01);
                b.read(0, w, v15);
                short[] o19 = new short[n];
                short[] o0 = new short[n];
                short[] o1 = new short[n];
                for (int i = 0; i < n; i++) {
                    int col = w.col() + i % w.width();
                    int row = w.row() + i / w.width();
                    classify(v01[i], v15[i], col, row, o19, o0, o1, i);
                }
                lc2019.write(w, o19);
                lpd0.write(w, o0);
                lpd1.write(w, o1);
            }
            lc2019.commit();
            lpd0.commit();
            lpd1.commit();
        }
    }

    /** The planted rules, per pixel. Land-cover codes: 1 agriculture, 2 forest, 3 grassland, 5 settlement, 6 shrubland. */
    static void classify(double c01, double c15, int col, int row, short[] lc19, short[] lpd0, short[] lpd1, int i) {
        if (Double.isNaN(c15)) {
            lc19[i] = NODATA_LC;
            lpd0[i] = NODATA_LPD;
            lpd1[i] = NODATA_LPD;
            return;
        }
        int c = (int) c15;
        int next = c;
        if (c == 2 && field(1, col, row) > 0.80) {
            next = 1; // deforestation patches
        } else if (c == 1 && field(2, col, row) > 0.72) {
            next = 2; // regrowth on agricultural land
        } else if ((c == 3 || c == 6) && field(3, col, row) > 0.86) {
            next = 1; // grassland and shrubland taken into cultivation
        } else if (c == 1 && field(4, col, row) > 0.93) {
            next = 5; // settlements spreading
        }
        lc19[i] = (short) next;
        double g = field(10, col, row);
        boolean clearedBefore = !Double.isNaN(c01) && (int) c01 == 2 && c == 1;
        lpd0[i] = Double.isNaN(c01) ? NODATA_LPD : lpd(clearedBefore ? g * 0.5 : g);
        double h = 0.5 * g + 0.5 * field(11, col, row);
        lpd1[i] = (short) (next == 1 && c == 2 ? 1 : lpd(h));
    }

    private static short lpd(double g) {
        return (short) (g < 0.10 ? 1 : g < 0.20 ? 2 : g < 0.30 ? 3 : g < 0.82 ? 4 : 5);
    }

    /** Smooth value noise in [0, 1): two octaves, patches of about 100 and 25 pixels. */
    static double field(long seed, int col, int row) {
        return 0.65 * noise(seed, col / 101.0, row / 101.0) + 0.35 * noise(seed + 1000, col / 23.0, row / 23.0);
    }

    private static double noise(long seed, double x, double y) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        double fx = smooth(x - xi);
        double fy = smooth(y - yi);
        double a = hash(seed, xi, yi);
        double b = hash(seed, xi + 1, yi);
        double c = hash(seed, xi, yi + 1);
        double d = hash(seed, xi + 1, yi + 1);
        return (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double hash(long seed, int x, int y) {
        long h = seed * 0x9E3779B97F4A7C15L + x * 0xC2B2AE3D27D4EB4FL + y * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
