package org.ldn.geodata.align;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.ldn.core.grid.Grid;
import org.ldn.geodata.crs.Crs;

/**
 * GDAL as the independent reference for regridding tests: gdalwarp makes the expected rasters, and python GDAL dumps
 * rasters to raw little-endian Float32 (nodata as NaN) with their geotransform and gdalinfo's WKT, so the tests need
 * no GeoTIFF reader of ours. Tests skip when GDAL or the shared data is absent.
 */
final class GdalRasters {
    static final String PYTHON = "/usr/bin/python3";
    private static final String DUMP = String.join("\n",
            "import json, sys",
            "import numpy as np",
            "from osgeo import gdal",
            "gdal.UseExceptions()",
            "ds = gdal.Open(sys.argv[1])",
            "band = ds.GetRasterBand(1)",
            "a = band.ReadAsArray().astype(np.float32)",
            "nd = band.GetNoDataValue()",
            "if nd is not None:",
            "    a[a == np.float32(nd)] = np.nan",
            "a.astype('<f4').tofile(sys.argv[2])",
            "info = gdal.Info(ds, format='json')",
            "print(json.dumps({'gt': list(ds.GetGeoTransform()), 'width': ds.RasterXSize,"
                    + " 'height': ds.RasterYSize, 'wkt': info['coordinateSystem']['wkt']}))",
            "");

    private GdalRasters() {
    }

    /** A raster dumped by GDAL: its grid and its values, row-major. */
    record Dump(Grid grid, float[] values) {
        FunctionRasterSource source(String name) {
            return FunctionRasterSource.of(name, grid, values);
        }
    }

    /** A file of {@code ../shared/data}; skips the test when absent. */
    static Path shared(String relative) {
        String shared = System.getProperty("ldn.shared");
        assumeTrue(shared != null, "ldn.shared is not set");
        Path p = Path.of(shared, "data", relative);
        assumeTrue(Files.exists(p), p + " is absent");
        return p;
    }

    /** Skips the test unless python GDAL with numpy and gdalwarp can run. */
    static void assumeAvailable() {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is absent");
        assumeTrue(run(List.of(PYTHON, "-c", "import numpy; from osgeo import gdal")) != null, "python GDAL is absent");
        assumeTrue(run(List.of("gdalwarp", "--version")) != null, "gdalwarp is absent");
    }

    /** Runs {@code gdalwarp args...}; fails the test when it fails. */
    static void warp(String... args) {
        List<String> cmd = new ArrayList<>(List.of("gdalwarp", "-q", "-overwrite"));
        cmd.addAll(List.of(args));
        if (run(cmd) == null) {
            throw new AssertionError("failed: " + String.join(" ", cmd));
        }
    }

    /** Dumps band 1 of {@code tif} through python GDAL into {@code dir}. */
    static Dump dump(Path tif, Path dir) throws IOException {
        Path script = dir.resolve("dump.py");
        Files.writeString(script, DUMP);
        Path raw = dir.resolve(tif.getFileName() + ".f32");
        String out = run(List.of(PYTHON, script.toString(), tif.toString(), raw.toString()));
        if (out == null) {
            throw new AssertionError("python GDAL could not dump " + tif);
        }
        JsonNode j = new ObjectMapper().readTree(out);
        JsonNode gt = j.get("gt");
        Grid grid = new Grid(Crs.describe(Crs.fromWkt(j.get("wkt").asText(), tif.toString())), gt.get(0).asDouble(),
                gt.get(3).asDouble(), gt.get(1).asDouble(), gt.get(5).asDouble(), j.get("width").asInt(),
                j.get("height").asInt());
        float[] values = new float[grid.width() * grid.height()];
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.READ)) {
            FloatBuffer fb = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
            fb.get(values);
        }
        Files.delete(raw);
        return new Dump(grid, values);
    }

    /** Standard output of the command, or null when it cannot run or exits non-zero. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
