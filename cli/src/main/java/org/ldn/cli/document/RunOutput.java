package org.ldn.cli.document;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ldn.cli.output.MapPalette;
import org.ldn.core.InputException;
import org.ldn.core.engine.MapKind;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import org.ldn.core.target.Tracking;

/**
 * What a run left in its output folder, as the report document reads it: {@code report.json} (as records, and as
 * a JSON tree for fields this engine version does not model), {@code manifest.json} when present, the maps of
 * {@code maps/} in period and kind order, and target tracking when a {@code tracking.json} lies in the folder, in
 * its {@code tracking/} sub-folder, or in a {@code tracking/} folder beside it (where {@code ldn track} writes by
 * default), and the drought class map of each reporting block ({@code maps/drought_class_<block>.tif}) when the
 * report has a drought section. Immutable.
 *
 * @param manifest null when the folder has no manifest
 * @param tracking null when no tracking output was found
 */
record RunOutput(Path folder, Report report, JsonNode reportTree, JsonNode manifest, List<MapFile> maps,
        List<Tracking> tracking, Path trackingFile, List<Path> droughtMaps) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One map of the run: {@code maps/<period>_<kind stem>.tif}. */
    record MapFile(String period, MapKind kind, Path file) {
        String fileName() {
            return file.getFileName().toString();
        }
    }

    /**
     * Reads the output folder {@code folder}; {@code trackingFile} (may be null) overrides where tracking is looked
     * for. Problems are InputExceptions naming the file.
     */
    static RunOutput read(Path folder, Path trackingFile) {
        Path reportFile = folder.resolve("report.json");
        if (!Files.isRegularFile(reportFile)) {
            throw new InputException(folder + ": no report.json here (give the output folder of 'ldn run')");
        }
        Report report = ReportJson.read(reportFile);
        JsonNode tree = json(reportFile);
        Path manifestFile = folder.resolve("manifest.json");
        JsonNode manifest = Files.isRegularFile(manifestFile) ? json(manifestFile) : null;
        Path t = trackingFile != null ? trackingFile : findTracking(folder);
        List<Tracking> tracking = null;
        if (t != null) {
            if (!Files.isRegularFile(t)) {
                throw new InputException(t + ": tracking file not found");
            }
            JsonNode targets = json(t).get("targets");
            if (targets == null || !targets.isArray()) {
                throw new InputException(t + ": not a tracking.json of 'ldn track' (no \"targets\" list)");
            }
            tracking = JSON.convertValue(targets, new TypeReference<List<Tracking>>() { });
        }
        return new RunOutput(folder, report, tree, manifest, maps(folder, report), tracking, t,
                droughtMaps(folder, report));
    }

    /** The block class maps that exist, in the report's block order. */
    private static List<Path> droughtMaps(Path folder, Report report) {
        List<Path> out = new ArrayList<>();
        if (report.drought() == null || report.drought().blocks() == null) {
            return out;
        }
        for (String block : report.drought().blocks()) {
            Path p = folder.resolve("maps").resolve("drought_class_" + block + ".tif");
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static Path findTracking(Path folder) {
        Path parent = folder.toAbsolutePath().getParent();
        for (Path p : new Path[] {folder.resolve("tracking.json"), folder.resolve("tracking").resolve("tracking.json"),
            parent == null ? null : parent.resolve("tracking").resolve("tracking.json")}) {
            if (p != null && Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static List<MapFile> maps(Path folder, Report report) {
        Path dir = folder.resolve("maps");
        List<MapFile> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<String> periods = report.total().periods() == null ? List.of()
                : report.total().periods().stream().map(Report.PeriodReport::name).toList();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String name = p.getFileName().toString();
                MapKind kind = MapPalette.kindOfFile(name);
                if (kind == null) {
                    continue;
                }
                String period = name.substring(0, name.length() - kind.fileStem().length() - 5);
                if (periods.contains(period)) {
                    out.add(new MapFile(period, kind, p));
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the maps (" + e.getMessage() + ")", e);
        }
        out.sort(Comparator.comparingInt((MapFile m) -> periods.indexOf(m.period())).thenComparing(MapFile::kind));
        return List.copyOf(out);
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /** This output with {@code manifest} as its manifest (one not yet written to the folder). */
    RunOutput withManifest(JsonNode manifest) {
        return new RunOutput(folder, report, reportTree, manifest, maps, tracking, trackingFile, droughtMaps);
    }

    /** The report's {@code run} section as a tree (empty when absent). */
    JsonNode run() {
        JsonNode r = reportTree.get("run");
        return r == null ? JSON.createObjectNode() : r;
    }
}
