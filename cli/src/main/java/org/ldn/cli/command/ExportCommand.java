package org.ldn.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ldn.core.InputException;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import org.ldn.core.reporting.ReportingTable;
import org.ldn.core.reporting.ReportingTablesJson;
import org.ldn.core.reporting.UnccdTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.ldn.cli.output.CsvTables;
import org.ldn.cli.output.OutputDirectory;
import org.ldn.cli.output.ReportingWorkbook;

/**
 * {@code ldn export REPORT}: the UNCCD reporting tables of strategic objective 1 (and of strategic objective 3 when
 * the report has a drought section) as Excel, CSV and JSON.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the tables of the UNCCD national report for strategic objective 1 (land area, land"
                + " cover and its change matrix, land productivity by land-cover class, SOC stocks, degradation by"
                + " sub-indicator, status, proportion of degraded land with its change) from a report.json or an"
                + " aggregate.json: " + ExportCommand.WORKBOOK + " (one sheet per table, units in the headers), "
                + ExportCommand.JSON + " (the same tables for machine import) and " + ExportCommand.CSV_DIR
                + "/*.csv (one file per table)."})
public final class ExportCommand implements Callable<Integer> {
    public static final String WORKBOOK = "unccd_so1.xlsx";
    public static final String JSON = "unccd_so1.json";
    public static final String CSV_DIR = "unccd_so1_csv";

    @Parameters(index = "0", paramLabel = "REPORT",
            description = "report.json or aggregate.json, or a folder holding one of them.")
    Path report;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "unccd",
            description = "Output folder (default: ${DEFAULT-VALUE}); replaced only when every file was written.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path file = reportFile(report);
        Report r = ReportJson.read(file);
        List<ReportingTable> tables = UnccdTables.of(r);
        tables.addAll(org.ldn.core.reporting.So3Tables.of(r));
        if (tables.isEmpty()) {
            throw new InputException(file + ": the report has no zone with figures to export");
        }
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            write(dir.work(), file.toString(), r, tables);
            dir.commit();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("export: " + tables.size() + " tables from " + file + " into " + out.toAbsolutePath().normalize()
                + " (" + WORKBOOK + ", " + JSON + ", " + CSV_DIR + "/)");
        o.flush();
        return ExitCodes.OK;
    }

    /** Writes the workbook, the JSON and the CSV files of {@code tables} into {@code dir}. */
    static void write(Path dir, String source, Report r, List<ReportingTable> tables) throws IOException {
        ReportingWorkbook.write(dir.resolve(WORKBOOK), source, r, tables);
        Files.writeString(dir.resolve(JSON), ReportingTablesJson.toJson(source, tables), StandardCharsets.UTF_8);
        Path csv = dir.resolve(CSV_DIR);
        Files.createDirectories(csv);
        for (ReportingTable t : tables) {
            CsvTables.Table c = new CsvTables.Table(t.columns().stream().map(ReportingTable.Column::key)
                    .toArray(String[]::new));
            for (List<Object> row : t.rows()) {
                c.add(row.toArray());
            }
            c.write(csv.resolve(t.file() + ".csv"), new ArrayList<>());
        }
    }

    private static Path reportFile(Path p) {
        if (!Files.isDirectory(p)) {
            return p;
        }
        for (String name : List.of("report.json", "aggregate.json")) {
            if (Files.isRegularFile(p.resolve(name))) {
                return p.resolve(name);
            }
        }
        throw new InputException(p + ": no report.json or aggregate.json in this folder");
    }
}
