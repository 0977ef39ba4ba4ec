package org.ldn.core.drought;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SPI kernel against the gamma SPI of the PyPI package {@code climate-indices} ({@code indices.spi} with
 * {@code Distribution.gamma}) on 1,200 generated monthly series (30–45 years, k = 1, 3, 6, 12, a third zero-heavy,
 * some with nodata months, calibration the whole series or a 30-year window), through
 * {@code src/test/python/climate_indices_spi.py}. Agreement is required to 0.01 SPI wherever both give a value.
 *
 * <p>Known differences, none of which is compared: the package has no minimum of valid calibration years (we need
 * {@link GammaFit#MIN_YEARS}); it gives −3.09 where every calibration sum is zero (we give nodata, METHOD.md §9);
 * a series whose positive calibration sums are all equal has no finite shape in either. Both use Thom's estimator
 * on the positive sums and count the zero share over the calibration window's valid sums: the package does so from
 * release 3.0.0 on, which {@code .ci/run} pins (releases before 3.0.0 counted zero sums over every year of the
 * record, missing years in the denominator, which shifts zero-heavy SPI there). The package falls back to the
 * whole series when named calibration years are not covered; we stop with an error instead (never exercised here).
 *
 * <p>Needs a Python with the package: {@code LDN_CROSSCHECK_PYTHON}, else {@code .venv-crosscheck/bin/python} at the
 * repository root (which {@code .ci/run} creates); skipped with a message naming the install otherwise.
 */
class ClimateIndicesCrossCheckTest {
    private static final int SERIES = 1200;

    record Series(String id, int firstYear, int years, int k, Calibration calibration, double[] values) {
    }

    static Path python() {
        String env = System.getenv("LDN_CROSSCHECK_PYTHON");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", ".venv-crosscheck", "bin", "python");
    }

    static boolean hasPackage(Path python) {
        return canImport(python, "climate_indices");
    }

    /** Whether {@code python} runs and imports {@code modules} (a Python import list). */
    static boolean canImport(Path python, String modules) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import " + modules)
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<Series> generate() {
        List<Series> out = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            SplittableRandom r = new SplittableRandom(1000 + s);
            int years = 30 + r.nextInt(16), first = 1970 + r.nextInt(16), k = new int[] {1, 3, 6, 12}[s % 4];
            boolean zeroHeavy = s % 3 == 0, gaps = s % 10 == 7;
            Well19937c rng = new Well19937c(r.nextLong());
            double[] shape = new double[12], scale = new double[12], dry = new double[12];
            for (int m = 0; m < 12; m++) {
                shape[m] = 0.5 + 3.5 * r.nextDouble();
                scale[m] = 5 + 75 * r.nextDouble();
                // zero-heavy: a dry season whose months are rainless 30–85 % of the time
                dry[m] = zeroHeavy && (m + s) % 12 < 7 ? 0.3 + 0.55 * r.nextDouble() : 0;
            }
            double[] v = new double[years * 12];
            for (int t = 0; t < v.length; t++) {
                int m = t % 12;
                double x = r.nextDouble() < dry[m] ? 0
                        : new GammaDistribution(rng, shape[m], scale[m]).sample();
                v[t] = Math.round(x * 10) / 10.0; // 0.1 mm, as gauges and gridded products report
                if (gaps && r.nextInt(60) == 0) {
                    v[t] = Double.NaN;
                }
            }
            Calibration c = s % 2 == 0 || years < 35 ? new Calibration(first, first + years - 1)
                    : new Calibration(first + 3, first + 32);
            out.add(new Series("s" + s, first, years, k, c, v));
        }
        return out;
    }

    @Test
    void agreesWithClimateIndicesToOneHundredthWhereverBothFit(@TempDir Path dir) throws Exception {
        Path python = python();
        Assumptions.assumeTrue(hasPackage(python), "climate-indices is not installed for " + python
                + ": run `python3 -m venv .venv-crosscheck && .venv-crosscheck/bin/pip install climate-indices` at"
                + " the repository root (.ci/run does), or set LDN_CROSSCHECK_PYTHON to a Python that has it");
        List<Series> series = generate();
        Path in = dir.resolve("series.csv"), out = dir.resolve("spi.csv");
        StringBuilder sb = new StringBuilder();
        for (Series s : series) {
            sb.append(s.id).append(',').append(s.firstYear).append(',').append(s.k).append(',')
                    .append(s.calibration.firstYear()).append(',').append(s.calibration.lastYear());
            for (double v : s.values) {
                sb.append(',').append(Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.1f", v));
            }
            sb.append('\n');
        }
        Files.writeString(in, sb, StandardCharsets.UTF_8);
        Path script = Path.of("src", "test", "python", "climate_indices_spi.py");
        Process p = new ProcessBuilder(python.toString(), script.toString(), in.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("python.log").toFile()).start();
        assertEquals(0, p.waitFor(), () -> "climate_indices_spi.py failed: " + read(dir.resolve("python.log")));
        List<String> lines = Files.readAllLines(out);
        String version = lines.get(0).substring("version,".length());
        Map<String, double[]> theirs = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] v = new double[f.length - 1];
            for (int i = 1; i < f.length; i++) {
                v[i - 1] = f[i].equals("nan") ? Double.NaN : Double.parseDouble(f[i]);
            }
            theirs.put(f[0], v);
        }
        int seriesCompared = 0, zeroHeavyCompared = 0;
        long values = 0, oursOnly = 0, theirsOnly = 0;
        double worst = 0;
        String worstAt = "";
        for (Series s : series) {
            float[] p32 = new float[s.values.length];
            for (int t = 0; t < p32.length; t++) {
                p32[t] = (float) s.values[t];
            }
            MonthlyCalendar cal = new MonthlyCalendar(s.firstYear, 1, s.values.length);
            float[] ours = new float[s.values.length];
            SpiSeries.allMonths(p32, 1, cal, s.k, s.calibration, ours);
            double[] ref = theirs.get(s.id);
            int compared = 0;
            for (int t = 0; t < ours.length; t++) {
                boolean a = !Float.isNaN(ours[t]), b = t < ref.length && !Double.isNaN(ref[t]);
                if (a && b) {
                    double d = Math.abs(ours[t] - ref[t]);
                    if (d > worst) {
                        worst = d;
                        worstAt = s.id + " k=" + s.k + " " + cal.label(t) + ": ours " + ours[t] + ", theirs " + ref[t];
                    }
                    compared++;
                } else if (a) {
                    oursOnly++;
                } else if (b) {
                    theirsOnly++;
                }
            }
            values += compared;
            if (compared > 0) {
                seriesCompared++;
                if (Integer.parseInt(s.id.substring(1)) % 3 == 0) {
                    zeroHeavyCompared++;
                }
            }
        }
        String summary = String.format(Locale.ROOT, "climate-indices %s: %d series, %d values compared, worst %.2e"
                + " (%s); values only ours %d, only theirs %d", version, seriesCompared, values, worst, worstAt,
                oursOnly, theirsOnly);
        System.out.println(summary);
        assertTrue(seriesCompared >= 1000, summary);
        assertTrue(zeroHeavyCompared >= 300, summary);
        assertTrue(worst <= 0.01, summary);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
