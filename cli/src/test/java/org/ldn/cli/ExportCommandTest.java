package org.ldn.cli;

import org.ldn.cli.output.ReportingWorkbook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.report.ReportJson;
import org.ldn.cli.command.ExitCodes;
import org.ldn.cli.command.ExportCommand;

/**
 * {@code ldn export} of Papua New Guinea's batch report: the workbook's cells are the report's figures (looked up
 * here by the UNCCD class names of the reporting manual, not through the exporter's tables), the JSON holds the same
 * cells, and the CSV files read back to the same values.
 */
class ExportCommandTest {
    /** The UNCCD land-cover classes as the reporting manual names them, by the report's class keys. */
    static final Map<String, String> LC = Map.of("Tree-covered areas (km²)", "1", "Grassland (km²)", "2",
            "Cropland (km²)", "3", "Wetland (km²)", "4", "Artificial surfaces (km²)", "5", "Other land (km²)", "6",
            "Water bodies (km²)", "7", "No data (km²)", "nodata");
    static final Map<String, String> LC_ROWS = Map.of("Tree-covered areas", "1", "Grassland", "2", "Cropland", "3",
            "Wetland", "4", "Artificial surfaces", "5", "Other land", "6", "Water bodies", "7", "No data", "nodata");

    @TempDir
    static Path dir;
    static Report report;
    static ZoneReport zone;
    static Path out;
    static XSSFWorkbook workbook;
    static JsonNode json;

    @BeforeAll
    static void export() throws Exception {
        Path batch = BatchFixture.countries(dir);
        report = ReportJson.read(batch.resolve("Papua_New_Guinea/report.json"));
        zone = report.zones().get(0);
        out = dir.resolve("unccd");
        CliRunner r = CliRunner.run("export", batch.resolve("Papua_New_Guinea").toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("", r.err(), "no logging noise from POI");
        workbook = new XSSFWorkbook(out.resolve(ExportCommand.WORKBOOK).toFile());
        json = new ObjectMapper().readTree(out.resolve(ExportCommand.JSON).toFile());
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    @Test
    void oneSheetPerTableInTheReportingManualsOrder() {
        List<String> sheets = new ArrayList<>();
        workbook.forEach(s -> sheets.add(s.getSheetName()));
        assertEquals(List.of("About", "CP-1.T1", "SO1-1.T4", "SO1-1.T5-T6", "SO1-1.T7", "SO1-2.T1-T2", "SO1-2.T3",
                "SO1-3.T1", "SO1-3.T2", "SO1-4.T1", "SO1-4.S", "SO1-4.T2"), sheets);
    }

    @Test
    void landCoverCellsAreTheReportsAreas() {
        Sheet s = workbook.getSheet("SO1-1.T4");
        Map<String, Integer> col = header(s);
        int rows = 0;
        for (Row row : dataRows(s)) {
            String year = String.valueOf((int) row.getCell(col.get("Year")).getNumericCellValue());
            for (Map.Entry<String, String> c : LC.entrySet()) {
                assertEquals(zone.landCoverClassKm2().get(year).get(c.getValue()),
                        row.getCell(col.get(c.getKey())).getNumericCellValue(), year + " " + c.getKey());
            }
            rows++;
        }
        assertEquals(3, rows, "one row per land-cover year, one zone: no separate total");
    }

    @Test
    void changeMatrixCellsAreTheReportsTransitions() {
        Sheet s = workbook.getSheet("SO1-1.T5-T6");
        Map<String, Integer> col = header(s);
        int rows = 0;
        for (Row row : dataRows(s)) {
            PeriodReport p = period(row.getCell(col.get("Period")).getStringCellValue());
            String from = LC_ROWS.get(row.getCell(col.get("Initial class")).getStringCellValue());
            assertEquals(p.landCoverYears().get(0), (int) row.getCell(col.get("Initial year")).getNumericCellValue());
            for (Map.Entry<String, String> c : LC.entrySet()) {
                assertEquals(p.lcTransitionKm2().get(from).get(c.getValue()),
                        row.getCell(col.get(c.getKey())).getNumericCellValue());
            }
            rows++;
        }
        assertEquals(2 * 8, rows);
    }

    @Test
    void proportionDegradedIsTheBaselineAndThenTheStatus() {
        Sheet s = workbook.getSheet("SO1-4.T2");
        Map<String, Integer> col = header(s);
        List<Row> rows = dataRows(s);
        assertEquals(2, rows.size());
        PeriodReport base = zone.periods().get(0);
        PeriodReport rep = zone.periods().get(1);
        assertEquals(base.sdg().degradedKm2(), num(rows.get(0), col, "Degraded land (km²)"));
        assertEquals(100 * base.sdg().proportionDegraded(), num(rows.get(0), col, "Proportion of degraded land (%)"));
        assertNull(rows.get(0).getCell(col.get("Change in degraded land since the baseline (km²)")));
        assertEquals(rep.status3().degradedKm2(), num(rows.get(1), col, "Degraded land (km²)"));
        assertEquals(rep.status3().landAreaKm2(), num(rows.get(1), col, "Land area (km²)"));
        assertEquals(100 * rep.status3().proportionDegraded(), num(rows.get(1), col,
                "Proportion of degraded land (%)"));
        assertEquals(rep.change().degradedKm2(), num(rows.get(1), col,
                "Change in degraded land since the baseline (km²)"));
        assertEquals(rep.change().percentagePoints(), num(rows.get(1), col,
                "Change in the proportion since the baseline (percentage points)"));
    }

    @Test
    void socStocksAndStatusAreTheReports() {
        Sheet soc = workbook.getSheet("SO1-3.T1");
        Map<String, Integer> col = header(soc);
        int rows = 0;
        for (Row row : dataRows(soc)) {
            String year = String.valueOf((int) row.getCell(col.get("Year")).getNumericCellValue());
            String cls = row.getCell(col.get("Land cover class")).getStringCellValue();
            Report.SocStock st = zone.socStockTonnes().get(year);
            if (cls.equals("Total")) {
                assertEquals(st.total(), num(row, col, "SOC stock 0-30 cm (t C)"));
            } else if (LC_ROWS.containsKey(cls)) {
                assertEquals(st.byLandCoverClass().get(LC_ROWS.get(cls)), num(row, col, "SOC stock 0-30 cm (t C)"));
                // synthetic SOC has nodata pixels, so no exact mean per hectare
                assertNull(row.getCell(col.get("Mean SOC stock (t C/ha)")));
            }
            rows++;
        }
        assertEquals(3 * 9, rows);
        Sheet status = workbook.getSheet("SO1-4.S");
        Map<String, Integer> sc = header(status);
        Row sdg = dataRows(status).get(0);
        assertEquals("SDG 15.3.1", sdg.getCell(sc.get("Indicator")).getStringCellValue());
        assertEquals(zone.periods().get(1).status7Km2().get("1"), num(sdg, sc, "Persistent degradation (km²)"));
        assertEquals(zone.periods().get(1).status7Km2().get("6"), num(sdg, sc, "Recent improvement (km²)"));
    }

    /** Every cell of every sheet is the JSON's cell; every CSV file reads back to the JSON's values. */
    @Test
    void workbookJsonAndCsvHoldTheSameCells() throws IOException {
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        assertEquals(11, json.get("tables").size());
        for (JsonNode t : json.get("tables")) {
            Sheet s = workbook.getSheet(t.get("id").asText());
            assertNotNull(s, t.get("id").asText());
            JsonNode columns = t.get("columns");
            List<List<String>> lines = new ArrayList<>();
            try (var it = csv.readerForListOf(String.class).<List<String>>readValues(
                    out.resolve(ExportCommand.CSV_DIR).resolve(t.get("file").asText() + ".csv").toFile())) {
                it.forEachRemaining(lines::add);
            }
            for (int c = 0; c < columns.size(); c++) {
                assertEquals(columns.get(c).get("label").asText(), s.getRow(1).getCell(c).getStringCellValue());
                assertEquals(columns.get(c).get("key").asText(), lines.get(0).get(c));
            }
            JsonNode rows = t.get("rows");
            assertEquals(rows.size(), lines.size() - 1);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    JsonNode v = rows.get(r).get(c);
                    Cell cell = s.getRow(2 + r).getCell(c);
                    String text = lines.get(r + 1).get(c);
                    String where = t.get("id").asText() + " row " + r + " column " + c;
                    if (v.isNull()) {
                        assertNull(cell, where);
                        assertEquals("", text, where);
                    } else if (v.isNumber()) {
                        assertEquals(CellType.NUMERIC, cell.getCellType(), where);
                        assertEquals(v.doubleValue(), cell.getNumericCellValue(), where);
                        assertEquals(v.doubleValue(), Double.parseDouble(text), where);
                    } else {
                        assertEquals(v.asText(), cell.getStringCellValue(), where);
                        assertEquals(v.asText(), text, where);
                    }
                }
            }
        }
    }

    @Test
    void aMissingReportIsAnInputError() {
        CliRunner r = CliRunner.run("export", dir.resolve("nothing.json").toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(ExitCodes.INPUT, r.exitCode());
        assertTrue(r.err().contains("nothing.json: report not found"), r.err());
    }

    private static PeriodReport period(String name) {
        return zone.periods().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static double num(Row row, Map<String, Integer> col, String label) {
        return row.getCell(col.get(label)).getNumericCellValue();
    }

    private static Map<String, Integer> header(Sheet s) {
        Map<String, Integer> m = new HashMap<>();
        Row h = s.getRow(ReportingWorkbook.HEADER_ROW);
        for (Cell c : h) {
            m.put(c.getStringCellValue(), c.getColumnIndex());
        }
        return m;
    }

    private static List<Row> dataRows(Sheet s) {
        List<Row> rows = new ArrayList<>();
        for (int r = ReportingWorkbook.FIRST_DATA_ROW; r <= s.getLastRowNum(); r++) {
            rows.add(s.getRow(r));
        }
        return rows;
    }
}
