package org.ldn.geodata.geotiff;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs python GDAL (used only to cross-check files in tests; tests skip when it is absent): the statistics and
 * grid tables of {@code gdal_checksums.py}, and {@code osr.SpatialReference.IsSame} between two files' CRSs.
 */
final class Gdal {
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    private static Boolean available;

    private Gdal() {
    }

    /** Skips the calling test unless python GDAL can be run. */
    static void assumeAvailable() {
        if (available == null) {
            try {
                available = run(List.of(PYTHON, "-c", "from osgeo import gdal, osr")) != null;
            } catch (RuntimeException e) {
                available = false;
            }
        }
        assumeTrue(available, "python GDAL not available");
    }

    /** Lines of {@code gdal_checksums.py [args]} without comments, split on tabs. */
    static List<String[]> checksums(String... args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, GeoTiffFixtures.dir().resolve("gdal_checksums.py").toString()));
        cmd.addAll(List.of(args));
        List<String[]> rows = new ArrayList<>();
        for (String line : run(cmd).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }

    /** True when GDAL/OSR finds the CRSs of both files the same ({@code IsSame}). */
    static boolean sameCrs(Path a, Path b) {
        String out = run(List.of(PYTHON, "-c", "import sys; from osgeo import gdal; gdal.UseExceptions(); "
                + "s = [gdal.Open(f).GetSpatialRef() for f in sys.argv[1:]]; print(s[0].IsSame(s[1]))",
                a.toString(), b.toString()));
        return out.trim().equals("1");
    }

    private static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
