package org.ldn.core.aggregate;

import java.util.Objects;
import org.ldn.core.report.Report;

/**
 * A report and where it came from.
 *
 * @param source the report's file as the user named it, for messages
 */
public record SourcedReport(String source, Report report) {
    public SourcedReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(report, "report");
    }
}
