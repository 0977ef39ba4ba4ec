package org.ldn.cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ldn.core.engine.DroughtInputs;
import org.ldn.core.engine.EngineInputs;
import org.ldn.core.grid.Grid;
import org.ldn.core.grid.Window;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.Report;
import org.ldn.core.run.ResolvedRun;

/**
 * A run ready for the engine: its inputs opened and aligned on the reference grid, the files it read (with
 * digests), and the warnings met while assembling it. Closing it closes every raster.
 *
 * @param zonesDescription the report's {@code run.zones} when the zones were not the run file's, else null
 * @param uncropped        the reference file's whole grid, of which the run's grid is a window (polygons are
 *                         rasterized in its pixel frame, so the crop never changes which pixels they hold)
 */
public record AssembledRun(ResolvedRun run, EngineInputs inputs, List<Report.Input> files, List<String> warnings,
        Map<String, Object> parameters, List<RasterSource> opened, Map<String, Object> zonesDescription,
        Grid uncropped, DroughtInputs drought) implements AutoCloseable {

    /** A run without a drought part. */
    public AssembledRun(ResolvedRun run, EngineInputs inputs, List<Report.Input> files, List<String> warnings,
            Map<String, Object> parameters, List<RasterSource> opened, Map<String, Object> zonesDescription,
            Grid uncropped) {
        this(run, inputs, files, warnings, parameters, opened, zonesDescription, uncropped, null);
    }

    public AssembledRun {
        files = List.copyOf(files);
        warnings = new ArrayList<>(warnings);
    }

    /** A run over the run file's own zones, on a grid that is not a crop. */
    public AssembledRun(ResolvedRun run, EngineInputs inputs, List<Report.Input> files, List<String> warnings,
            Map<String, Object> parameters, List<RasterSource> opened) {
        this(run, inputs, files, warnings, parameters, opened, null, inputs.grid());
    }

    /** The run's grid as a window of {@link #uncropped()} (whole pixels apart: the rounding is exact). */
    public Window crop() {
        return inputs.grid().windowIn(uncropped);
    }

    @Override
    public void close() {
        for (RasterSource s : opened) {
            s.close();
        }
    }
}
