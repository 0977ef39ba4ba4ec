package org.ldn.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ldn.cli.document.PdfPrinter;
import org.ldn.cli.document.ReportDocument;
import org.ldn.cli.document.ReportOptions;
import org.ldn.geodata.geotiff.GeoTiffIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ldn report RUN_OUTPUT}: the document people read, from a run's output folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Makes one self-contained HTML report (summary, maps, charts, UNCCD tables, zones, provenance)"
                + " from the output folder of 'ldn run', and optionally prints it to PDF with a headless Chromium.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_OUTPUT", description = "The output folder of 'ldn run'.")
    Path output;

    @Option(names = "--out", paramLabel = "FILE.html",
            description = "The HTML file to write (default: report.html in RUN_OUTPUT).")
    Path out;

    @Option(names = "--pdf", description = "Also print the report to PDF (A4) beside the HTML file.")
    boolean pdf;

    @Option(names = "--zone", paramLabel = "ID", description = "Report on one zone instead of all zones together.")
    String zone;

    @Option(names = "--tracking", paramLabel = "FILE",
            description = "A tracking.json of 'ldn track' to show (default: found in RUN_OUTPUT or ../tracking/).")
    Path tracking;

    @Option(names = "--run-file", paramLabel = "FILE",
            description = "The run file, when it has moved: its zones file draws the zone outlines.")
    Path runFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path html = out != null ? out : output.resolve("report.html");
        List<Path> dirs = new ArrayList<>();
        if (runFile != null) {
            dirs.add(runFile.toAbsolutePath().getParent());
        }
        write(spec.commandLine().getOut(), output, html, new ReportOptions(zone, dirs, tracking), pdf);
        return ExitCodes.OK;
    }

    /** Writes the HTML (and PDF) report and says where. */
    static void write(PrintWriter o, Path output, Path html, ReportOptions options, boolean pdf) {
        ReportDocument.write(output, html, options, new GeoTiffIO());
        o.println("report: " + html.toAbsolutePath().normalize());
        if (pdf) {
            String name = html.getFileName().toString().replaceFirst("\\.html?$", "") + ".pdf";
            Path file = PdfPrinter.print(html, html.resolveSibling(name));
            o.println("report: " + file.toAbsolutePath().normalize());
        }
        o.flush();
    }
}
