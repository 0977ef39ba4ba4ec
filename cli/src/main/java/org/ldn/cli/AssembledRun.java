package org.ldn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ldn.core.engine.EngineInputs;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.Report;
import org.ldn.core.run.ResolvedRun;

/**
 * A run ready for the engine: its inputs opened and aligned on the reference grid, the files it read (with
 * digests), and the warnings met while assembling it. Closing it closes every raster.
 *
 * @param zonesDescription the report's {@code run.zones} when the zones were not the run file's, else null
 */
public record AssembledRun(ResolvedRun run, EngineInputs inputs, List<Report.Input> files, List<String> warnings,
        Map<String, Object> parameters, List<RasterSource> opened, Map<String, Object> zonesDescription)
        implements AutoCloseable {

    public AssembledRun {
        files = List.copyOf(files);
        warnings = new ArrayList<>(warnings);
    }

    /** A run over the run file's own zones. */
    public AssembledRun(ResolvedRun run, EngineInputs inputs, List<Report.Input> files, List<String> warnings,
            Map<String, Object> parameters, List<RasterSource> opened) {
        this(run, inputs, files, warnings, parameters, opened, null);
    }

    @Override
    public void close() {
        for (RasterSource s : opened) {
            s.close();
        }
    }
}
