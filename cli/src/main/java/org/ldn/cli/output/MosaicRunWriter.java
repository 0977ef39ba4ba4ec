package org.ldn.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ldn.cli.run.AssembledRun;
import org.ldn.core.engine.EngineResult;
import org.ldn.core.engine.MapKind;
import org.ldn.core.grid.Window;
import org.ldn.core.indicator.Classes;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;

/**
 * The outputs of a run whose tiles were computed by many tasks, each writing the map tiles of its rectangles as
 * GeoTIFF parts ({@code maps/parts/MAP/c<col>_r<row>_w<width>_h<height>.tif}, named by {@link #partPath}): the
 * same {@code report.json} and {@code tables/} as {@link RunWriter}, each map as a VRT mosaic of its parts
 * ({@code maps/MAP.vrt}, with its QGIS style), and the manifest with the parts' digests as the tasks computed them,
 * so no map pixel is read here. Then the output folder is moved into place.
 */
public final class MosaicRunWriter {
    /** Where the parts of the maps go, under the output folder. */
    public static final String PARTS = "maps/parts";

    private MosaicRunWriter() {
    }

    /** The path of the part of map {@code mapName} (e.g. {@code baseline_sdg_15_3_1}) covering {@code rect}. */
    public static String partPath(String mapName, Window rect) {
        return PARTS + "/" + mapName + "/c" + rect.col() + "_r" + rect.row() + "_w" + rect.width() + "_h"
                + rect.height() + ".tif";
    }

    /**
     * Writes the outputs of {@code result} into {@code out} and commits it.
     *
     * @param parts every map part the tasks wrote: its path ({@link #partPath}) → SHA-256
     */
    public static RunWriter.Outcome write(AssembledRun run, EngineResult result, OutputDirectory out,
            SortedMap<String, String> parts) {
        try {
            Path work = out.work();
            Map<String, List<VrtMosaic.Part>> byMap = new TreeMap<>();
            for (String part : parts.keySet()) {
                String[] s = part.split("/");
                String name = s[s.length - 2];
                byMap.computeIfAbsent(name, k -> new ArrayList<>()).add(new VrtMosaic.Part(
                        "parts/" + name + "/" + s[s.length - 1], rectOf(s[s.length - 1])));
            }
            removeLeftovers(work.resolve(PARTS));
            List<String> mapFiles = new ArrayList<>();
            for (var e : byMap.entrySet()) {
                Path vrt = work.resolve("maps").resolve(e.getKey() + ".vrt");
                VrtMosaic.write(vrt, run.inputs().grid(), Classes.NODATA, e.getValue());
                QmlStyle.write(vrt, kindOf(e.getKey()));
                mapFiles.add(vrt.getFileName().toString());
            }
            Report report = RunWriter.report(run, result);
            Files.writeString(work.resolve("report.json"), ReportJson.toJson(report), StandardCharsets.UTF_8);
            List<String> tables = CsvTables.write(report, work.resolve("tables"));
            RunWriter.writeManifest(run, report, work, parts);
            out.commit();
            return new RunWriter.Outcome(report, out.target(), tables, mapFiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes what killed or retried task attempts left beside the parts (their hidden temporary files). */
    private static void removeLeftovers(Path parts) throws IOException {
        if (!Files.isDirectory(parts)) {
            return;
        }
        try (var s = Files.walk(parts)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (Files.isRegularFile(p) && p.getFileName().toString().startsWith(".")) {
                    Files.deleteIfExists(p);
                }
            }
        }
        try (var s = Files.list(parts)) {
            if (s.findAny().isEmpty()) { // a run without maps: no empty folders left behind
                Files.delete(parts);
                try (var m = Files.list(parts.getParent())) {
                    if (m.findAny().isEmpty()) {
                        Files.delete(parts.getParent());
                    }
                }
            }
        }
    }

    private static Window rectOf(String partName) {
        String[] f = partName.replace(".tif", "").split("_");
        return new Window(Integer.parseInt(f[0].substring(1)), Integer.parseInt(f[1].substring(1)),
                Integer.parseInt(f[2].substring(1)), Integer.parseInt(f[3].substring(1)));
    }

    private static MapKind kindOf(String mapName) {
        for (MapKind k : MapKind.values()) {
            if (mapName.endsWith("_" + k.fileStem())) {
                return k;
            }
        }
        throw new IllegalArgumentException(mapName);
    }
}
