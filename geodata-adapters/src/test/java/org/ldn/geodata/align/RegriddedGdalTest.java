package org.ldn.geodata.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Tiling;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;

/**
 * Regridding of the real rasters of {@code ../shared/data} compared pixel by pixel with {@code gdalwarp -r near}
 * (GDAL 3.6), whose nearest-neighbour kernel samples the source pixel containing the target centre, as we do.
 * The gdalwarp output's own geotransform is taken as the target grid, so both sides use the same grid.
 */
class RegriddedGdalTest {
    @TempDir
    Path dir;

    @BeforeEach
    void gdal() {
        GdalRasters.assumeAvailable();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    /** gdalwarp arguments for the extent and size of {@code g}. */
    private static String[] extentOf(Grid g) {
        return new String[] {"-te", num(g.x0()), num(g.y0() + g.height() * g.dy()), num(g.x0() + g.width() * g.dx()),
            num(g.y0()), "-ts", Integer.toString(g.width()), Integer.toString(g.height())};
    }

    /** Pixels of {@code regridded} that differ from {@code expected} (NaN equals NaN), read in 500 x 300 tiles. */
    private static long differences(RasterSource regridded, GdalRasters.Dump expected) {
        Grid g = expected.grid();
        assertEquals(g.width(), regridded.grid().width());
        long differ = 0;
        for (Window w : new Tiling(g.width(), g.height(), 500, 300).windows()) {
            double[] v = new double[w.length()];
            regridded.read(0, w, v);
            for (int i = 0; i < v.length; i++) {
                float e = expected.values()[(w.row() + i / w.width()) * g.width() + w.col() + i % w.width()];
                if (!(Float.isNaN(e) && Double.isNaN(v[i])) && e != v[i]) {
                    differ++;
                }
            }
        }
        return differ;
    }

    private static long validCount(GdalRasters.Dump d) {
        long n = 0;
        for (float f : d.values()) {
            n += Float.isNaN(f) ? 0 : 1;
        }
        return n;
    }

    @Test
    void socOntoTheClimateZoneGridMatchesGdalwarp() throws Exception {
        // SOC: 0.0833333° cells from (-180, 89.99999999999999); climate zones: 1/12° from (-180, 90). No target
        // centre lies within 1e-10 cell of a source edge, so no pixel may differ.
        Path soc = GdalRasters.shared("soc/soc_stock_0_30cm_1990_10km.tif");
        Path zones = GdalRasters.shared("soc/ipcc_climate_zones.tif");
        GdalRasters.Dump source = GdalRasters.dump(soc, dir);
        Grid reference = GdalRasters.dump(zones, dir).grid();
        Path warped = dir.resolve("soc_on_zones.tif");
        // gdalwarp -q -overwrite -r near -te <zones extent> -ts 4320 2160 soc_stock_0_30cm_1990_10km.tif out.tif
        String[] te = extentOf(reference);
        GdalRasters.warp(concat(new String[] {"-r", "near"}, te, new String[] {soc.toString(), warped.toString()}));
        GdalRasters.Dump expected = GdalRasters.dump(warped, dir);
        RasterSource regridded = Regridded.onto(source.source("soc"), expected.grid());
        assertTrue(validCount(expected) > 1_000_000);
        assertEquals(0, differences(regridded, expected));
    }

    @Test
    void climateZonesOntoTheSocGridMatchGdalwarp() throws Exception {
        Path soc = GdalRasters.shared("soc/soc_stock_0_30cm_1990_10km.tif");
        Path zones = GdalRasters.shared("soc/ipcc_climate_zones.tif");
        GdalRasters.Dump source = GdalRasters.dump(zones, dir);
        Grid reference = GdalRasters.dump(soc, dir).grid();
        Path warped = dir.resolve("zones_on_soc.tif");
        // gdalwarp -q -overwrite -r near -te <SOC extent> -ts 4320 2160 ipcc_climate_zones.tif out.tif
        GdalRasters.warp(concat(new String[] {"-r", "near"}, extentOf(reference),
                new String[] {zones.toString(), warped.toString()}));
        GdalRasters.Dump expected = GdalRasters.dump(warped, dir);
        RasterSource regridded = Regridded.onto(source.source("zones"), expected.grid());
        assertTrue(validCount(expected) > 1_000_000);
        assertEquals(0, differences(regridded, expected));
    }

    @Test
    void centresExactlyOnSourceEdgesGoRightAndDownAsInGdalwarp() throws Exception {
        // climate zones (1/12°) onto a 1/6° grid from (-180, 90): every target centre, -180 + (c + 0.5)/6, lies on
        // the edge between source columns 2c and 2c + 1 (and likewise for rows); the cell to the right and below
        // takes it, as GDAL's nearest kernel does (floor(u + 1e-10)), so again no pixel may differ
        Path zones = GdalRasters.shared("soc/ipcc_climate_zones.tif");
        GdalRasters.Dump source = GdalRasters.dump(zones, dir);
        Path warped = dir.resolve("zones_sixth.tif");
        // gdalwarp -q -overwrite -r near -te -180 -90 180 90 -ts 2160 1080 ipcc_climate_zones.tif out.tif
        GdalRasters.warp("-r", "near", "-te", "-180", "-90", "180", "90", "-ts", "2160", "1080", zones.toString(),
                warped.toString());
        GdalRasters.Dump expected = GdalRasters.dump(warped, dir);
        Grid g = expected.grid();
        Grid s = source.grid();
        double u = (g.centreX(100) - s.x0()) / s.dx();
        assertEquals(201, u, 1e-9, "centre of column 100 on the left edge of source column 201");
        RasterSource regridded = Regridded.onto(source.source("zones"), g);
        assertEquals(0, differences(regridded, expected));
        // and taking the cells to the left and above instead would differ in many pixels
        Grid shifted = new Grid(g.crs(), g.x0() - 1e-7, g.y0() + 1e-7, g.dx(), g.dy(), g.width(), g.height());
        RasterSource leftUp = Regridded.onto(source.source("zones"), shifted);
        long differ = differences(leftUp, expected);
        assertTrue(differ > 10_000, differ + " differences");
    }

    @Test
    void newGuineaLandCoverOntoAHundredthOfADegreeMatchesGdalwarp() throws Exception {
        // custom Lambert cylindrical equal-area, 300 m, onto EPSG:4326 at 0.01°, a little wider than the source;
        // -et 0: exact transforms per pixel (gdalwarp's default interpolates them to 1/8 pixel)
        Path lc = GdalRasters.shared("landcover/new_guinea_lc_2001.tif");
        GdalRasters.Dump source = GdalRasters.dump(lc, dir);
        Path warped = dir.resolve("lc_4326.tif");
        // gdalwarp -q -overwrite -r near -et 0 -t_srs EPSG:4326 -te 130.5 -11 151.5 0 -ts 2100 1100 lc.tif out.tif
        GdalRasters.warp("-r", "near", "-et", "0", "-t_srs", "EPSG:4326", "-te", "130.5", "-11", "151.5", "0",
                "-ts", "2100", "1100", lc.toString(), warped.toString());
        GdalRasters.Dump expected = GdalRasters.dump(warped, dir);
        FunctionRasterSource src = source.source("lc");
        RasterSource regridded = Regridded.onto(src, expected.grid());
        assertTrue(validCount(expected) > 500_000, "valid pixels: " + validCount(expected));
        assertEquals(0, differences(regridded, expected));
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
