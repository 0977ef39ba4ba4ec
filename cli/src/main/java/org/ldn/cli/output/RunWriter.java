package org.ldn.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ldn.core.engine.DroughtPass;
import org.ldn.core.engine.Engine;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.engine.EngineResult;
import org.ldn.core.engine.MapKind;
import org.ldn.core.engine.MapOutputs;
import org.ldn.core.engine.ReportTables;
import org.ldn.core.grid.Grid;
import org.ldn.core.indicator.Classes;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.SampleType;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import org.ldn.core.run.RunFiles;
import org.ldn.cli.output.Version;
import org.ldn.cli.run.AssembledRun;
import org.ldn.cli.run.Digests;
import org.ldn.cli.run.RunAssembler;

/**
 * Runs an assembled run and writes its outputs into a folder that appears only when everything succeeded:
 * {@code report.json}, {@code tables/*.csv}, {@code maps/*.tif} (with QGIS styles) and {@code manifest.json}.
 */
public final class RunWriter {
    private final RasterIO io;

    public RunWriter(RasterIO io) {
        this.io = io;
    }

    /** The outcome: the report and where the outputs are. */
    public record Outcome(Report report, Path folder, List<String> tables, List<String> maps) {
    }

    public Outcome run(AssembledRun run, Path outDir, EngineOptions options) {
        return run(run, outDir, options, r -> { });
    }

    /**
     * As {@link #run(AssembledRun, Path, EngineOptions)}, with {@code accept} shown the report before the outputs
     * are committed: when it throws, nothing is written (a batch refuses a country without data this way).
     */
    public Outcome run(AssembledRun run, Path outDir, EngineOptions options, Consumer<Report> accept) {
        return run(run, outDir, options, accept, null);
    }

    /**
     * A document made from the finished outputs and committed with them (so that {@code manifest.json} lists it):
     * written into {@code work}, the output folder before it is committed, given the manifest's head (engine,
     * createdAt, runFile, inputs) as {@code manifest.json} will hold it.
     */
    @FunctionalInterface
    public interface Document {
        void write(Path work, Map<String, Object> manifestHead) throws IOException;
    }

    /** As {@link #run(AssembledRun, Path, EngineOptions, Consumer)}, with {@code document} (may be null) written too. */
    public Outcome run(AssembledRun run, Path outDir, EngineOptions options, Consumer<Report> accept,
            Document document) {
        try (OutputDirectory out = OutputDirectory.create(outDir);
                BackgroundDigests digests = new BackgroundDigests(out.work(), Math.max(1, options.threads() - 1))) {
            Path maps = out.work().resolve("maps");
            Files.createDirectories(maps);
            List<String> mapFiles = new ArrayList<>();
            Grid grid = run.inputs().grid();
            MapOutputs outputs = (period, kind) -> {
                String name = period.name() + "_" + kind.fileStem() + ".tif";
                mapFiles.add(name);
                return io.create(maps.resolve(name), grid, SampleType.INT16, Classes.NODATA);
            };
            // a computed-productivity run's scratch store goes into the folder being written, on the outputs' disk
            EngineResult result = Engine.run(run.inputs(), outputs, options.scratchDirectory() == null
                    ? options.withScratchDirectory(out.work()) : options);
            for (String m : mapFiles) {
                digests.add("maps/" + m); // finished: taken while the rest is written
                QmlStyle.write(maps.resolve(m), kindOf(m));
            }
            DroughtReport drought = null;
            if (run.drought() != null) {
                List<String> droughtMaps = new ArrayList<>();
                drought = DroughtPass.run(run.drought(), (stem, floating) -> {
                    droughtMaps.add(stem + ".tif");
                    return io.create(maps.resolve(stem + ".tif"), grid,
                            floating ? SampleType.FLOAT32 : SampleType.INT16, floating ? Double.NaN : Classes.NODATA);
                }, options).report();
                for (String m : droughtMaps) {
                    digests.add("maps/" + m);
                    DroughtStyles.write(maps.resolve(m));
                }
                mapFiles.addAll(droughtMaps);
            }
            Report report = report(run, result, drought);
            accept.accept(report);
            QgisProject.write(maps, mapFiles, report.total().periods().stream().map(Report.PeriodReport::name)
                    .toList(), report.grid().crs(), zonesLayer(run, out.target().resolve("maps")),
                    run.run().title());
            Files.writeString(out.work().resolve("report.json"), ReportJson.toJson(report), StandardCharsets.UTF_8);
            List<String> tables = CsvTables.write(report, out.work().resolve("tables"));
            if (drought != null) {
                tables = new ArrayList<>(tables);
                tables.addAll(DroughtCsv.write(drought, out.work().resolve("tables")));
            }
            if (document != null) {
                document.write(out.work(), manifestHead(run, report));
            }
            writeManifest(run, report, out.work(), digests.join());
            out.commit();
            return new Outcome(report, out.target(), tables, mapFiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run file's zones as a layer of {@code maps/ldn.qgs}; none when the zones were given in code. */
    private static QgisProject.ZonesLayer zonesLayer(AssembledRun run, Path mapsDir) {
        if (run.zonesDescription() != null || run.run().file().zones() == null) {
            return null;
        }
        Path zones = run.run().path(run.run().file().zones().file()).toAbsolutePath().normalize();
        String rel = mapsDir.toAbsolutePath().normalize().relativize(zones).toString().replace('\\', '/');
        return new QgisProject.ZonesLayer(rel, run.run().file().zones().layer());
    }

    private static MapKind kindOf(String file) {
        for (MapKind k : MapKind.values()) {
            if (file.endsWith("_" + k.fileStem() + ".tif")) {
                return k;
            }
        }
        throw new IllegalArgumentException(file);
    }

    public static Report report(AssembledRun run, EngineResult result) {
        return report(run, result, null);
    }

    /** The report of a run, with its drought section ({@code null}: none). */
    public static Report report(AssembledRun run, EngineResult result, DroughtReport drought) {
        ReportTables tables = new ReportTables(result, run.run().file().nationalLandAreaKm2());
        Grid g = run.inputs().grid();
        List<Double> gt = new ArrayList<>();
        for (double v : g.geoTransform()) {
            gt.add(v);
        }
        Map<String, Object> described = RunFiles.describe(run.run());
        if (run.zonesDescription() != null) {
            described.put("zones", run.zonesDescription());
        }
        return new Report(Report.SCHEMA_VERSION, new Report.Engine("ldn-engine", Version.get()),
                Timestamps.now(), described,
                run.parameters(), run.files(), new Report.GridInfo(RunAssembler.crsLabel(g), g.width(), g.height(), gt),
                run.warnings().isEmpty() ? null : List.copyOf(run.warnings()), tables.zones(), tables.total(),
                drought, tables.corrections(), org.ldn.core.engine.PerformanceP90Table.of(result));
    }

    /** The manifest, with the SHA-256 of the files in {@code known} (relative path → digest) taken from it. */
    static void writeManifest(AssembledRun run, Report report, Path dir, Map<String, String> known)
            throws IOException {
        Map<String, Object> m = manifestHead(run, report);
        List<Map<String, Object>> outputs = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    o.put("path", rel);
                    o.put("sha256", known.containsKey(rel) ? known.get(rel) : Digests.sha256(p));
                    o.put("bytes", Files.size(p));
                    outputs.add(o);
                }
            }
        }
        m.put("outputs", outputs);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(dir.resolve("manifest.json"), mapper.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * The fields of {@code manifest.json} known before the outputs are listed (engine, createdAt, runFile, inputs):
     * the head of what {@link #writeManifest} writes, also handed to a {@link Document} made before the manifest.
     */
    private static Map<String, Object> manifestHead(AssembledRun run, Report report) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", report.engine());
        m.put("createdAt", report.createdAt());
        Path runFile = run.run().runFile();
        Map<String, Object> rf = new LinkedHashMap<>();
        rf.put("path", runFile.toString());
        rf.put("sha256", Digests.sha256(runFile));
        rf.put("content", Files.readString(runFile, StandardCharsets.UTF_8));
        m.put("runFile", rf);
        m.put("inputs", report.inputs());
        return m;
    }
}
