package org.ldn.cli.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.InputException;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.Report;
import org.ldn.core.run.ResolvedRun;

/**
 * Checks of the opened inputs that catch a file given in the wrong place: a multi-band file where one band is read,
 * and one land-cover map claimed for two years (every transition between them would read as "no change").
 * Stateless.
 */
final class InputChecks {
    private InputChecks() {
    }

    /**
     * A warning for every single-band input ({@code byRole}, except the productivity series, whose bands are years or
     * months) that has several bands: only band 1 is read.
     */
    static void bands(Map<String, RasterSource> byRole, List<String> warnings) {
        for (var e : byRole.entrySet()) {
            RasterSource s = e.getValue();
            if (!e.getKey().startsWith("productivity") && s.bandCount() > 1) {
                warnings.add(e.getKey() + " (" + s.name() + ") has " + s.bandCount() + " bands; only band 1 is read"
                        + " (if another band was meant, extract it, e.g. gdal_translate -b N in.tif out.tif)");
            }
        }
    }

    /**
     * Refuses one land-cover file given for two years unless {@code allow} (the roles of land-cover inputs are
     * "landCover YEAR"); two files of identical content (by SHA-256) under different names get a warning only, as a
     * country may have copied a map for a year without a newer product.
     */
    static void sameLandCover(ResolvedRun run, List<Report.Input> files, boolean allow, List<String> warnings) {
        Map<Path, Report.Input> byFile = new HashMap<>();
        Map<String, Report.Input> byDigest = new HashMap<>();
        for (Report.Input in : files) {
            if (!in.role().startsWith("landCover ")) {
                continue;
            }
            Report.Input other = byFile.putIfAbsent(canonical(run.path(in.path())), in);
            if (other != null) {
                if (!allow) {
                    throw new InputException(run.runFile() + ": landCover.maps gives the same file " + in.path()
                            + " for " + year(other) + " and " + year(in) + ", so no land-cover change between them"
                            + " could be seen (give each year its own map, or pass --allow-same-file if this is"
                            + " intended)");
                }
                continue;
            }
            other = byDigest.putIfAbsent(in.sha256(), in);
            if (other != null) {
                warnings.add("landCover " + year(other) + " (" + other.path() + ") and " + year(in) + " (" + in.path()
                        + ") have identical content: no land-cover change between them can be seen");
            }
        }
    }

    private static String year(Report.Input in) {
        return in.role().substring("landCover ".length());
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
