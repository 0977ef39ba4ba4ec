package org.ldn.geodata.vector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ldn.core.InputException;
import org.ldn.core.RegularFiles;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads zone boundaries from a GeoPackage ({@code .gpkg}), a Shapefile ({@code .shp} with its {@code .shx},
 * {@code .dbf} and {@code .prj}) or a GeoJSON file ({@code .geojson}, {@code .json}), chosen by extension.
 * Every problem with the file is an {@link InputException} naming the file. Thread-safe (stateless).
 */
public final class ZoneFiles {
    private ZoneFiles() {
    }

    /**
     * The features of {@code file} in file order, checked: every feature has an id, ids are unique, and every
     * geometry is a non-empty Polygon or MultiPolygon. Validity (no self-intersection, holes inside their shells)
     * is checked when zones are rasterized: see {@link Boundaries#zoneShapes(org.ldn.core.grid.Grid)}.
     */
    public static Boundaries read(Path file, ZoneFileOptions options) {
        String label = file.toString();
        RegularFiles.require(file, label);
        if (!Files.isRegularFile(file)) {
            throw new InputException(label + ": file not found (check the path)");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        FeatureTable table;
        if (name.endsWith(".gpkg")) {
            table = GeoPackageFeatures.read(file, label, options);
        } else if (name.endsWith(".shp")) {
            table = ShapefileFeatures.read(file, label, options);
        } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
            table = GeoJsonFeatures.read(file, label, options);
        } else {
            throw new InputException(label + ": unknown boundary format (use a .gpkg, .shp or .geojson file)");
        }
        return new Boundaries(label, table.crs(), checked(label, table.features(), options));
    }

    private static List<BoundaryFeature> checked(String file, List<RawFeature> raw, ZoneFileOptions options) {
        List<BoundaryFeature> out = new ArrayList<>(raw.size());
        Map<String, RawFeature> byId = new HashMap<>();
        for (RawFeature f : raw) {
            if (f.id() == null || f.id().isBlank()) {
                throw new InputException(file + ": " + f.label() + " has no value for the id attribute '"
                        + options.idAttribute() + "' (every zone needs an id: fill it in, or choose another id"
                        + " attribute)");
            }
            String who = f.label() + " (id '" + f.id() + "')";
            RawFeature previous = byId.putIfAbsent(f.id(), f);
            if (previous != null) {
                throw new InputException(file + ": " + previous.label() + describe(previous) + " and " + f.label()
                        + describe(f) + " have the same id '" + f.id() + "' (zone ids must be unique; choose another"
                        + " id attribute or merge the features)");
            }
            Geometry g = checked(file, who, f.geometry());
            out.add(new BoundaryFeature(f.id(), f.name() != null ? f.name() : f.id(), g));
        }
        return out;
    }

    /**
     * {@code g} when it is a non-empty Polygon or MultiPolygon. Its validity is checked later, for the zones a run
     * rasterizes ({@link ZoneValidity}), so that an invalid feature far from the run's grid does not stop it.
     *
     * @param who the feature as messages name it, e.g. {@code feature 3 (id 'PG-01')}
     */
    static Geometry checked(String file, String who, Geometry g) {
        if (g == null || g.isEmpty()) {
            throw new InputException(file + ": " + who + " has an empty or null geometry"
                    + " (remove the feature or fix its geometry)");
        }
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
            throw new InputException(file + ": " + who + " is a " + g.getGeometryType()
                    + ", not a polygon (zones must be polygons or multipolygons)");
        }
        return g;
    }

    private static String describe(RawFeature f) {
        return f.name() == null ? "" : " '" + f.name() + "'";
    }
}
