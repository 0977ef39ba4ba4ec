package org.ldn.cli.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.ldn.core.InputException;
import org.ldn.core.raster.RasterSource;
import org.ldn.core.report.Report;

/**
 * Checks of the opened inputs that catch a file given in the wrong place: a multi-band file where one band is read,
 * and one land-cover map claimed for two years (every transition between them would read as "no change").
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
     * Refuses a land-cover file (same content, by SHA-256) given for two years unless {@code allow}: the roles of
     * land-cover inputs are "landCover YEAR".
     */
    static void sameLandCover(Path runFile, List<Report.Input> files, boolean allow) {
        if (allow) {
            return;
        }
        Map<String, Report.Input> byDigest = new HashMap<>();
        for (Report.Input in : files) {
            if (!in.role().startsWith("landCover ")) {
                continue;
            }
            Report.Input other = byDigest.putIfAbsent(in.sha256(), in);
            if (other != null) {
                String same = other.path().equals(in.path()) ? "the same file " + in.path()
                        : "the same content (" + other.path() + " and " + in.path() + ")";
                throw new InputException(runFile + ": landCover.maps gives " + same + " for "
                        + other.role().substring(10) + " and " + in.role().substring(10) + ", so no land-cover change"
                        + " between them could be seen (give each year its own map, or pass --allow-same-file if this"
                        + " is intended)");
            }
        }
    }
}
