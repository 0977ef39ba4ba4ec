package org.ldn.cli.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.engine.Engine;
import org.ldn.core.engine.EngineInputs;
import org.ldn.core.engine.EngineOptions;
import org.ldn.core.engine.EngineResult;
import org.ldn.core.engine.MapOutputs;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.productivity.CriticalValues;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.raster.SharedReads;
import org.ldn.core.report.Report;
import org.ldn.core.scenario.Scenario;
import org.ldn.core.scenario.VariantBuilder;
import org.ldn.core.zone.ZoneRaster;
import org.ldn.geodata.align.Regridded;
import org.ldn.geodata.vector.ZoneFileOptions;
import org.ldn.geodata.vector.ZoneFiles;
import org.ldn.cli.output.RunWriter;

/**
 * Runs named variants of one assembled run in a single pass over the tiles (Java API of {@code ldn scenario}):
 * the run's rasters are read and aligned once and shared by every variant. The first result is the run as given.
 */
public final class ScenarioRunner {
    private final RasterIO io;

    public ScenarioRunner(RasterIO io) {
        this.io = io;
    }

    /** The reports of the run as given ("run") and of each scenario, by name, and how the inputs were read. */
    public record Outcome(Map<String, Report> reports, long sourceReads, int sources) {
    }

    public Outcome run(AssembledRun run, List<Scenario> scenarios, Path scenarioDir, EngineOptions options) {
        List<SharedReads> wrappers = new ArrayList<>();
        EngineInputs base = VariantBuilder.shared(run.inputs(), wrappers);
        List<String> names = new ArrayList<>();
        List<EngineInputs> variants = new ArrayList<>();
        names.add("run");
        variants.add(base);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            for (Scenario s : scenarios) {
                names.add(s.name());
                variants.add(variant(base, run, s, scenarioDir, opened));
            }
            List<MapOutputs> outputs = new ArrayList<>();
            variants.forEach(v -> outputs.add(MapOutputs.NONE));
            List<EngineResult> results = Engine.runVariants(variants, outputs, options);
            Map<String, Report> reports = new LinkedHashMap<>();
            for (int v = 0; v < results.size(); v++) {
                Map<String, Object> parameters = new LinkedHashMap<>(run.parameters());
                if (v > 0) {
                    parameters.put("scenario", scenarios.get(v - 1));
                }
                AssembledRun variantRun = new AssembledRun(run.run(), results.get(v).inputs(), run.files(),
                        run.warnings(), parameters, List.of(), run.zonesDescription(), run.uncropped());
                reports.put(names.get(v), RunWriter.report(variantRun, results.get(v)));
            }
            long reads = wrappers.stream().mapToLong(SharedReads::reads).sum();
            return new Outcome(reports, reads, wrappers.size());
        } finally {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing a read-only source cannot lose data
                }
            }
        }
    }

    private EngineInputs variant(EngineInputs base, AssembledRun run, Scenario s, Path dir,
            List<AutoCloseable> opened) {
        String label = "scenario " + s.name();
        VariantBuilder b = VariantBuilder.of(base, label);
        if (s.socThresholdPercent() != null) {
            b.socThreshold(s.socThresholdPercent());
        }
        if (s.matrix() != null) {
            b.matrix(s.matrix().equals("default") ? TransitionMatrix.defaults()
                    : TransitionMatrix.fromCsv(dir.resolve(s.matrix()), s.matrix()));
        }
        if (s.climateFactor() != null) {
            b.climateFactor(s.climateFactor());
        }
        if (s.criticalValues() != null) {
            b.criticalValues(CriticalValues.Table.ofKey(s.criticalValues()));
        }
        if (s.landUnits() != null) {
            var src = io.open(dir.resolve(s.landUnits()), s.landUnits());
            opened.add(src);
            b.landUnits(Regridded.onto(src, base.grid()));
        }
        if (s.restoration() != null) {
            Scenario.Restoration r = s.restoration();
            var boundaries = ZoneFiles.read(dir.resolve(r.file()),
                    ZoneFileOptions.ids(r.idField() != null ? r.idField() : "id"));
            // in the uncropped grid's pixel frame, like the zones: the crop never moves a pixel on an edge
            ZoneRaster area = ZoneRaster.build(r.file(), boundaries.zoneShapes(run.uncropped()), run.uncropped(),
                    run.crop());
            b.restoration(area, r.landCoverClass(), r.fromYear());
        }
        return b.build();
    }
}
