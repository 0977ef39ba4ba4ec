package org.ldn.cli.run;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.grid.CrsInfo;
import org.ldn.core.grid.Grid;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.zone.ZoneShape;
import org.ldn.geodata.geotiff.GeoTiffIO;

/**
 * What the driver of a split run learnt while assembling it that the tasks' processes would otherwise work out again,
 * sent with the plan: every raster's grid (its CRS as Apache SIS identified it, with the file's size and modification
 * time then) and the zones' shapes on the reference file's grid (read, checked and reprojected from the zone file).
 * A task's process then opens the inputs without the CRS library (whose EPSG database takes seconds to load in a
 * fresh JVM) and rasterizes the zones without reading the zone file; a raster that changed since (size or
 * modification time) is opened as usual. Plain values only, so that it serializes without the engine's classes being
 * serializable.
 *
 * @param rasters every raster input of the run, by absolute path
 * @param zones   the zones in the assembler's order
 */
public record PreparedInputs(List<RasterGrid> rasters, List<Zone> zones) implements Serializable {
    private static final long serialVersionUID = 1L;

    public PreparedInputs {
        rasters = List.copyOf(rasters);
        zones = List.copyOf(zones);
    }

    /** One raster file's grid and stamp. */
    public record RasterGrid(String path, long bytes, long modifiedMillis, String crsName, String wkt, Integer epsg,
            boolean geographic, boolean equalArea, double x0, double y0, double dx, double dy, int width, int height)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        GeoTiffIO.Known known() {
            return new GeoTiffIO.Known(new Grid(new CrsInfo(crsName, wkt, epsg, geographic, equalArea), x0, y0, dx, dy,
                    width, height), bytes, modifiedMillis);
        }
    }

    /** One zone: id, name and rings (x, y pairs in the reference grid's CRS). */
    public record Zone(String id, String name, double[][] rings) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What the driver read to assemble {@code run} from {@code resolved}, with the zones' {@code shapes}. */
    static PreparedInputs of(org.ldn.core.run.ResolvedRun resolved, AssembledRun run, List<ZoneShape> shapes) {
        Map<String, Grid> byName = new HashMap<>();
        for (RasterSource s : run.opened()) {
            byName.putIfAbsent(s.name(), s.grid());
        }
        Map<String, RasterGrid> rasters = new LinkedHashMap<>();
        for (String f : InputPrefetch.rasters(resolved)) {
            Grid g = byName.get(f);
            if (g == null) {
                continue; // named by the run file but not used by this run (a sub-indicator left out)
            }
            Path p = resolved.path(f).toAbsolutePath().normalize();
            GeoTiffIO.Known k = GeoTiffIO.Known.of(p, g);
            CrsInfo c = g.crs();
            rasters.putIfAbsent(p.toString(), new RasterGrid(p.toString(), k.bytes(), k.modifiedMillis(), c.name(),
                    c.wkt(), c.epsg(), c.geographic(), c.equalArea(), g.x0(), g.y0(), g.dx(), g.dy(), g.width(),
                    g.height()));
        }
        List<Zone> zones = new ArrayList<>(shapes.size());
        for (ZoneShape z : shapes) {
            zones.add(new Zone(z.id(), z.name(), z.rings().toArray(double[][]::new)));
        }
        return new PreparedInputs(new ArrayList<>(rasters.values()), zones);
    }

    /** {@code io} opening the rasters recorded here with their recorded grids. */
    GeoTiffIO io(GeoTiffIO io) {
        Map<Path, GeoTiffIO.Known> known = new HashMap<>();
        for (RasterGrid r : rasters) {
            known.put(Path.of(r.path()), r.known());
        }
        return io.withKnownGrids(known);
    }

    /** The zones as the assembler takes them. */
    List<ZoneShape> zoneShapes() {
        List<ZoneShape> out = new ArrayList<>(zones.size());
        for (Zone z : zones) {
            out.add(new ZoneShape(z.id(), z.name(), List.of(z.rings())));
        }
        return out;
    }
}
