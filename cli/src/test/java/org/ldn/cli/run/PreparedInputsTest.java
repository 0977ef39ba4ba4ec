package org.ldn.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFiles;
import org.ldn.core.zone.ZoneShape;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticCountry;

/**
 * The driver's {@link PreparedInputs}, sent with a split run's plan through Java serialization: every raster of the
 * run with the grid a plain open gives, the zones' shapes the assembler used, and a run assembled from them (no zone
 * file read, no CRS identified) has the driver's grid, zone of every pixel and input pixels.
 */
class PreparedInputsTest {
    @TempDir
    Path dir;

    /** Plain: SOC on a coarser grid; mixed: inputs on other grids and CRSs (regridded across CRSs). */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aTaskAssemblesTheDriversRunFromThePreparedInputs(boolean mixed) throws Exception {
        SyntheticCountry.write(dir, new GeoTiffIO(), new SyntheticCountry.Spec(128, 8, 0, 3, mixed), 1, k -> { });
        Path runFile = dir.resolve("ldn.yaml").toAbsolutePath();
        try (SplitRun split = SplitRun.start(runFile, dir.resolve("out"), 32, 3)) {
            SplitRun.Plan plan = roundTrip(split.plan());
            PreparedInputs p = plan.inputs();
            assertNotNull(p);
            ResolvedRun resolved = RunFiles.resolve(RunFiles.read(runFile), runFile);
            assertEquals(InputPrefetch.rasters(resolved).size(), p.rasters().size());
            for (PreparedInputs.RasterGrid r : p.rasters()) {
                try (RasterSource s = new GeoTiffIO().open(Path.of(r.path()), r.path())) {
                    assertEquals(s.grid(), r.known().grid(), r.path());
                }
            }
            RunAssembler driver = new RunAssembler(new GeoTiffIO(), DigestCache.none(), true);
            try (AssembledRun a = driver.assemble(resolved);
                    AssembledRun b = new RunAssembler(p.io(new GeoTiffIO()), DigestCache.none(), true,
                            p.zoneShapes()).assemble(resolved)) {
                List<ZoneShape> shapes = driver.zoneShapes();
                List<ZoneShape> sent = p.zoneShapes();
                assertEquals(shapes.size(), sent.size());
                for (int z = 0; z < shapes.size(); z++) {
                    assertEquals(shapes.get(z).id(), sent.get(z).id());
                    assertEquals(shapes.get(z).name(), sent.get(z).name());
                    assertArrayEquals(shapes.get(z).rings().toArray(double[][]::new),
                            sent.get(z).rings().toArray(double[][]::new));
                }
                assertEquals(a.inputs().grid(), b.inputs().grid());
                Window all = a.inputs().grid().extent();
                int[] za = new int[all.length()];
                int[] zb = new int[all.length()];
                a.inputs().zones().fill(all, za);
                b.inputs().zones().fill(all, zb);
                assertArrayEquals(za, zb);
                double[] va = new double[all.length()];
                double[] vb = new double[all.length()];
                for (var e : a.inputs().landCover().entrySet()) {
                    e.getValue().read(0, all, va);
                    b.inputs().landCover().get(e.getKey()).read(0, all, vb);
                    assertArrayEquals(va, vb, "land cover " + e.getKey());
                }
            }
        }
    }

    private static SplitRun.Plan roundTrip(SplitRun.Plan plan) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(plan);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SplitRun.Plan) in.readObject();
        }
    }
}
