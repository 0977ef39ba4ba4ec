package org.ldn.testdata;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.ArrayRasterSource;
import org.ldn.core.raster.SampleType;

/**
 * Generated rasters whose right answers are known by construction, as primitive arrays over a {@link Grid}, row-major
 * ({@code values[row · width + col]}, row 0 at the top). Integer maps mark nodata with a value the caller chooses;
 * {@link #source} turns them into an in-memory {@link ArrayRasterSource} with nodata as NaN. Every generator is
 * deterministic: the same arguments (and seed) give the same array.
 */
public final class SyntheticRaster {

    /** A rectangle of pixels painted with one value. */
    public record Patch(Window window, int value) {
    }

    private SyntheticRaster() {
    }

    /**
     * A north-up geographic (EPSG:4326) grid of {@code width × height} cells of {@code cell} degrees whose top-left
     * corner is at longitude {@code west}, latitude {@code north}.
     */
    public static Grid geographic(double west, double north, double cell, int width, int height) {
        return new Grid(CrsInfo.WGS84, west, north, cell, -cell, width, height);
    }

    /**
     * A north-up projected grid in metres of {@code width × height} cells of {@code cell} m, top-left corner at
     * ({@code x0}, {@code y0}), in ETRS89 / LAEA Europe (EPSG:3035, equal-area) or, with {@code equalArea} false, in
     * WGS 84 / UTM zone 33N (EPSG:32633). The CRS descriptions carry the code and flags, not full WKT.
     */
    public static Grid projected(double x0, double y0, double cell, int width, int height, boolean equalArea) {
        CrsInfo crs = equalArea
                ? new CrsInfo("ETRS89-extended / LAEA Europe", "PROJCRS[\"ETRS89-extended / LAEA Europe\"]", 3035,
                        false, true)
                : new CrsInfo("WGS 84 / UTM zone 33N", "PROJCRS[\"WGS 84 / UTM zone 33N\"]", 32633, false, false);
        return new Grid(crs, x0, y0, cell, -cell, width, height);
    }

    /**
     * A class map: {@code background} everywhere, then each patch painted in turn (a later patch covers an earlier
     * one where they meet). The count of each value is therefore known by hand.
     *
     * @throws IllegalArgumentException when a patch is not inside the grid
     */
    public static int[] patches(Grid grid, int background, Patch... patches) {
        int[] out = new int[grid.extent().length()];
        Arrays.fill(out, background);
        for (Patch p : patches) {
            Window w = p.window();
            if (w.colEnd() > grid.width() || w.rowEnd() > grid.height()) {
                throw new IllegalArgumentException("patch " + w + " is outside the grid");
            }
            for (int r = w.row(); r < w.rowEnd(); r++) {
                Arrays.fill(out, r * grid.width() + w.col(), r * grid.width() + w.colEnd(), p.value());
            }
        }
        return out;
    }

    /**
     * A map of values drawn independently and uniformly from {@code classes}, except that each pixel is
     * {@code noData} with probability {@code noDataFraction}.
     */
    public static int[] randomClasses(Grid grid, int[] classes, double noDataFraction, int noData, long seed) {
        if (classes.length == 0 || !(noDataFraction >= 0 && noDataFraction <= 1)) {
            throw new IllegalArgumentException("need classes and a nodata fraction in [0, 1]");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] out = new int[grid.extent().length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rnd.nextDouble() < noDataFraction ? noData : classes[rnd.nextInt(classes.length)];
        }
        return out;
    }

    /**
     * A smooth continuous field: {@code mean} plus the average of four plane waves of random direction, phase and
     * wavelength (between 8 and 64 pixels), scaled by {@code amplitude}. Values stay within
     * {@code mean ± amplitude}, and pixels side by side (in a row or a column) differ by at most
     * {@code amplitude · 2π / 8}.
     */
    public static double[] smoothField(Grid grid, double mean, double amplitude, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int waves = 4;
        double[] kx = new double[waves];
        double[] ky = new double[waves];
        double[] phase = new double[waves];
        for (int k = 0; k < waves; k++) {
            double angle = rnd.nextDouble(0, 2 * Math.PI);
            double wavenumber = 2 * Math.PI / rnd.nextDouble(8, 64);
            kx[k] = wavenumber * Math.cos(angle);
            ky[k] = wavenumber * Math.sin(angle);
            phase[k] = rnd.nextDouble(0, 2 * Math.PI);
        }
        double[] out = new double[grid.extent().length()];
        for (int r = 0; r < grid.height(); r++) {
            for (int c = 0; c < grid.width(); c++) {
                double s = 0;
                for (int k = 0; k < waves; k++) {
                    s += Math.sin(kx[k] * c + ky[k] * r + phase[k]);
                }
                out[r * grid.width() + c] = mean + amplitude * s / waves;
            }
        }
        return out;
    }

    /**
     * A stack of {@code years} bands where pixel i of band t is {@code intercept[i] + slope[i] · t} plus Gaussian
     * noise of standard deviation {@code noiseSd} (0 for an exact line: the least-squares slope of each pixel over the
     * stack is then {@code slope[i]}). NaN in {@code intercept} makes the pixel nodata in every band.
     */
    public static double[][] trendStack(double[] intercept, double[] slope, int years, double noiseSd, long seed) {
        if (intercept.length != slope.length || years < 1) {
            throw new IllegalArgumentException("intercept and slope differ in length, or no year");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] bands = new double[years][intercept.length];
        for (int t = 0; t < years; t++) {
            for (int i = 0; i < intercept.length; i++) {
                bands[t][i] = intercept[i] + slope[i] * t + (noiseSd == 0 ? 0 : noiseSd * gaussian(rnd));
            }
        }
        return bands;
    }

    // SplittableRandom has no nextGaussian in Java 17: Box-Muller.
    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** An in-memory source over integer bands, {@code noData} read as NaN. */
    public static ArrayRasterSource source(String name, Grid grid, SampleType type, int noData, int[]... bands) {
        double[][] d = new double[bands.length][];
        for (int b = 0; b < bands.length; b++) {
            d[b] = new double[bands[b].length];
            for (int i = 0; i < d[b].length; i++) {
                d[b][i] = bands[b][i] == noData ? Double.NaN : bands[b][i];
            }
        }
        return new ArrayRasterSource(name, grid, type, d);
    }
}
