package org.ldn.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ldn.core.InputException;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.reporting.PraisSummary;
import org.ldn.geodata.vector.Boundaries;
import org.ldn.geodata.vector.BoundaryGeoJson;
import org.ldn.geodata.vector.ZoneFileOptions;
import org.ldn.geodata.vector.ZoneFiles;

/**
 * {@code ldn export --prais}: the JSON PRAIS 4 imports from Trends.Earth ({@link PraisSummary}) for the country (the
 * report's only zone, or all zones together), and the country's boundary beside it as GeoJSON, read from the zones
 * file of the run. Stateless.
 */
public final class PraisExport {
    public static final String JSON = "prais_so1.json";
    public static final String BOUNDARY = "prais_boundary.geojson";

    private PraisExport() {
    }

    /**
     * @param zonesFile the run's zones file (its id, name and layer attributes are the report's {@code run.zones})
     */
    public static void write(Path dir, Report r, Path zonesFile) throws IOException {
        List<ZoneReport> withFigures = r.zones().stream().filter(z -> z.periods() != null).toList();
        ZoneReport zone = r.zones().size() == 1 && !withFigures.isEmpty() ? withFigures.get(0) : r.total();
        Map<String, Object> zs = zonesOfRun(r);
        Object id = zs.get("idField");
        if (id == null) {
            throw new InputException("the report's run names no zones idField; it cannot be matched with " + zonesFile);
        }
        ZoneFileOptions opts = ZoneFileOptions.ids(id.toString());
        if (zs.get("nameField") != null) {
            opts = opts.withNames(zs.get("nameField").toString());
        }
        if (zs.get("layer") != null) {
            opts = opts.withLayer(zs.get("layer").toString());
        }
        Boundaries b = ZoneFiles.read(zonesFile, opts);
        Set<String> ids = r.zones().size() == 1 ? Set.of(zone.id()) : null;
        Map<String, Object> geojson = BoundaryGeoJson.of(b, ids);
        if (((List<?>) geojson.get("features")).isEmpty()) {
            throw new InputException(zonesFile + ": no feature with id '" + zone.id() + "' (the report's zone)");
        }
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> summary = PraisSummary.of(r, zone, geojson, BoundaryGeoJson.crsWkt());
        Files.writeString(dir.resolve(JSON), m.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(BOUNDARY), m.writeValueAsString(geojson) + "\n", StandardCharsets.UTF_8);
    }

    /** The report's {@code run.zones}: file, idField, nameField, layer. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> zonesOfRun(Report r) {
        if (r.run() instanceof Map<?, ?> run && run.get("zones") instanceof Map<?, ?> z) {
            return (Map<String, Object>) z;
        }
        return Map.of();
    }
}
