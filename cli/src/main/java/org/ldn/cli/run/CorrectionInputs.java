package org.ldn.cli.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ldn.core.InputException;
import org.ldn.core.correction.CorrectedIndicator;
import org.ldn.core.correction.Correction;
import org.ldn.core.correction.Corrections;
import org.ldn.core.engine.SubIndicator;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.run.RunFile;
import org.ldn.core.zone.ZoneShape;
import org.ldn.geodata.vector.Boundaries;
import org.ldn.geodata.vector.FeatureAttributes;
import org.ldn.geodata.vector.ZoneFileOptions;
import org.ldn.geodata.vector.ZoneFiles;

/**
 * Reads the run file's {@code corrections:} boundary file into the engine's {@link Corrections}: polygons read and
 * reprojected like the zones, their attributes parsed (one line naming the file, the polygon and the value when one
 * is wrong), rasterized in the uncropped reference grid's pixel frame. Stateless.
 */
final class CorrectionInputs {
    private CorrectionInputs() {
    }

    /** The run's corrections on the window {@code crop} of {@code full}, or {@code null} when it has none. */
    static Corrections read(ResolvedRun run, Grid full, Window crop) {
        RunFile.Corrections spec = run.file().corrections();
        if (spec == null) {
            return null;
        }
        Path path = run.path(spec.file());
        String label = spec.file();
        ZoneFileOptions opts = ZoneFileOptions.ids(spec.idAttribute());
        if (spec.layer() != null) {
            opts = opts.withLayer(spec.layer());
        }
        Boundaries b = ZoneFiles.read(path, opts);
        List<ZoneShape> shapes = b.zoneShapes(full);
        List<String> periods = FeatureAttributes.read(path, opts, spec.periodAttribute());
        List<String> indicators = FeatureAttributes.read(path, opts, spec.indicatorAttribute());
        List<String> classes = FeatureAttributes.read(path, opts, spec.classAttribute());
        List<String> reasons = FeatureAttributes.read(path, opts, spec.reasonAttribute());
        List<String> runPeriods = run.periods().stream().map(RunFile.PeriodSpec::name).toList();
        List<Correction> out = new ArrayList<>();
        for (int f = 0; f < shapes.size(); f++) {
            ZoneShape s = shapes.get(f);
            String who = label + ": correction '" + s.id() + "'";
            String p = required(who, spec.periodAttribute(), periods.get(f));
            List<String> names = p.trim().equalsIgnoreCase("all") ? runPeriods
                    : Arrays.stream(p.split("[,;]")).map(String::trim).filter(x -> !x.isEmpty()).toList();
            CorrectedIndicator ind;
            short cls;
            try {
                ind = CorrectedIndicator.of(required(who, spec.indicatorAttribute(), indicators.get(f)));
                cls = Correction.classOf(required(who, spec.classAttribute(), classes.get(f)));
            } catch (IllegalArgumentException e) {
                throw new InputException(who + ": " + e.getMessage());
            }
            if (names.isEmpty()) {
                throw new InputException(who + ": attribute '" + spec.periodAttribute() + "' names no period");
            }
            out.add(new Correction(s.id(), names, ind, cls, reasons.get(f), s));
        }
        boolean[] indicatorsUsed = {true, run.subIndicators().contains(SubIndicator.LAND_COVER),
            run.subIndicators().contains(SubIndicator.PRODUCTIVITY), run.subIndicators().contains(SubIndicator.SOC)};
        return Corrections.build(label, out, full, crop, runPeriods, indicatorsUsed);
    }

    private static String required(String who, String attribute, String value) {
        if (value == null || value.isBlank()) {
            throw new InputException(who + " has no value for the attribute '" + attribute + "'");
        }
        return value;
    }
}
