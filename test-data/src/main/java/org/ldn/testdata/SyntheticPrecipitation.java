package org.ldn.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.SampleType;

/**
 * A SYNTHETIC monthly precipitation series for a {@link SyntheticCountry}: one Int16 GeoTIFF per month
 * ({@code precip_YYYY_MM.tif}, tenths of mm, on the country's grid), 1981-01 to 2023-12 by default, and the run
 * file's {@code drought} part (appended to its {@code ldn.yaml}, {@code scale: 0.1}). A pixel's month is a seasonal
 * climatology (10..70 mm) times a regional anomaly (0.2..1.8, one value per 512-pixel square and month) plus noise
 * (±5 mm), floored at 0 (dry months occur where the anomaly is low); the north-east quarter has a planted drought
 * in 2003 and 2011 (every month at 10 %). Values are hashes of the position and month: reproducible from the seed.
 */
public final class SyntheticPrecipitation {
    public static final int FIRST_YEAR = 1981;
    /** The seasonal climatology of each calendar month, mm (computed once, not per pixel). */
    private static final double[] CLIMATOLOGY = new double[12];

    static {
        for (int m = 0; m < 12; m++) {
            CLIMATOLOGY[m] = 40 + 30 * Math.sin(2 * Math.PI * m / 12.0);
        }
    }

    private SyntheticPrecipitation() {
    }

    private static String name(int t) {
        return String.format(Locale.ROOT, "precip_%04d_%02d.tif", FIRST_YEAR + t / 12, t % 12 + 1);
    }

    static boolean planted(int size, int year, int c, int r) {
        return (year == 2003 || year == 2011) && c >= size / 2 && r < size / 2;
    }

    /** Tenths of mm of month index t (0 = January of {@link #FIRST_YEAR}) at (c, r). */
    static int value(long seed, int size, int t, int c, int r) {
        double clim = CLIMATOLOGY[t % 12];
        long a = SyntheticCountry.mix(seed, t, c >> 9, r >> 9);
        double anomaly = 0.2 + 1.6 * ((a >>> 11) * 0x1.0p-53);
        long n = SyntheticCountry.mix(seed ^ 0x5DEECE66DL, t, c, r);
        double noise = ((n >>> 11) * 0x1.0p-53) * 10 - 5;
        double v = Math.max(0, clim * anomaly + noise);
        if (planted(size, FIRST_YEAR + t / 12, c, r)) {
            v *= 0.1;
        }
        return (int) Math.round(v * 10);
    }

    /**
     * Writes {@code years} × 12 monthly files into {@code dir} and appends the drought part to {@code runFile};
     * {@code done} is told the number of files finished. Files are written {@code threads} at a time (each by one
     * thread), which keeps the cores busy through each file's compression and writing.
     */
    public static void write(Path dir, Path runFile, RasterIO io, SyntheticCountry.Spec spec, int years, int threads,
            IntConsumer done) {
        StringBuilder yaml = new StringBuilder("drought:\n  scale: 0.1\n  precipitation:\n");
        int files = years * 12;
        for (int t = 0; t < files; t++) {
            yaml.append(String.format(Locale.ROOT, "    \"%04d-%02d\": %s%n", FIRST_YEAR + t / 12, t % 12 + 1,
                    name(t)));
        }
        AtomicInteger next = new AtomicInteger(), finished = new AtomicInteger();
        SyntheticCountry.onThreads(threads, () -> {
            for (int t = next.getAndIncrement(); t < files; t = next.getAndIncrement()) {
                int month = t;
                SyntheticCountry.raster(io, dir.resolve(name(t)), spec.grid(), SampleType.INT16,
                        Short.MIN_VALUE, 1, (c, r) -> value(spec.seed(), spec.size(), month, c, r));
                int n = finished.incrementAndGet();
                synchronized (done) {
                    done.accept(n);
                }
            }
        });
        try {
            Files.writeString(runFile, Files.readString(runFile) + yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
