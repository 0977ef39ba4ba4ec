package org.ldn.cli.document;

import java.nio.file.Path;
import java.util.List;

/**
 * How to make a report document.
 *
 * @param zone         the id of the one zone the document is about, or null for all zones together
 * @param runDirs      folders where the run file may lie (its zones file is found beside it), tried in order
 * @param trackingFile a tracking.json to show, or null to look beside the run's outputs
 */
public record ReportOptions(String zone, List<Path> runDirs, Path trackingFile) {
    public ReportOptions {
        runDirs = List.copyOf(runDirs);
    }
}
