package org.ldn.geodata.vector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ldn.core.InputException;

/**
 * The text of one more attribute of every feature of a boundary file, in file order, for files whose features carry
 * more than an id and a name (correction polygons). Reads the file with the same readers as {@link ZoneFiles}.
 * Thread-safe (stateless).
 */
public final class FeatureAttributes {
    private FeatureAttributes() {
    }

    /**
     * The value of {@code attribute} for every feature of {@code file} (as {@link ZoneFiles#read} lists them), or
     * {@code null} where the value is null; integral numbers without ".0".
     *
     * @param options the id attribute and layer, as given to {@link ZoneFiles#read}
     * @throws InputException when the file cannot be read or has no attribute {@code attribute}
     */
    public static List<String> read(Path file, ZoneFileOptions options, String attribute) {
        String label = file.toString();
        ZoneFileOptions o = options.withNames(attribute);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        FeatureTable table;
        if (name.endsWith(".gpkg")) {
            table = GeoPackageFeatures.read(file, label, o);
        } else if (name.endsWith(".shp")) {
            table = ShapefileFeatures.read(file, label, o);
        } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
            table = GeoJsonFeatures.read(file, label, o);
        } else {
            throw new InputException(label + ": unknown boundary format (use a .gpkg, .shp or .geojson file)");
        }
        List<String> out = new ArrayList<>(table.features().size());
        table.features().forEach(f -> out.add(f.name()));
        return out;
    }
}
