package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExportCommand;
import org.ldn.cli.output.CsvTables;

/**
 * Zone ids and names that a spreadsheet would run as formulas (OWASP's CSV injection: a cell starting with =, +, -,
 * @, tab or carriage return) come out of every CSV with a single quote in front and into the workbook as quote-prefixed
 * string cells, while numbers, negative ones included, stay numbers.
 */
class SpreadsheetInjectionTest {
    /** The zones' ids and names, each a formula if left alone. */
    static final String W_ID = "@SUM(1+1)";
    static final String W_NAME = "=HYPERLINK(\"http://example.com\",\"x\")";
    static final String E_ID = "-1+2";
    static final String E_NAME = "+cmd|' /C calc'!A0";

    @TempDir
    Path dir;

    @Test
    void tableCellsLookLikeTextNotFormulasAndNumbersStayNumbers() throws Exception {
        CsvTables.Table t = new CsvTables.Table("=header", "value");
        t.add("=1+2", -3.5);
        t.add("-3.5", -12.0);
        t.add("\tx", "-");
        t.add("\rx", "@x");
        t.add("plain - text", "+1");
        assertEquals("'=header,value\n'=1+2,-3.5\n-3.5,-12\n'\tx,'-\n\"'\rx\",'@x\nplain - text,'+1\n",
                t.toCsv());
    }

    @Test
    void everyCsvAndTheWorkbookNeutraliseFormulaLikeNames() throws Exception {
        SyntheticRunTest.write(dir);
        String zones = Files.readString(dir.resolve("zones.geojson"))
                .replace("\"id\":\"W\",\"name\":\"Zone W\"", "\"id\":" + json(W_ID) + ",\"name\":" + json(W_NAME))
                .replace("\"id\":\"E\",\"name\":\"Zone E\"", "\"id\":" + json(E_ID) + ",\"name\":" + json(E_NAME));
        assertTrue(zones.contains(json(E_NAME)), zones);
        Files.writeString(dir.resolve("zones.geojson"), zones);
        CliRunner run = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString(),
                "-q");
        assertEquals(0, run.exitCode(), run.err());
        CliRunner export = CliRunner.run("export", dir.resolve("out/report.json").toString(), "--out",
                dir.resolve("unccd").toString());
        assertEquals(0, export.exitCode(), export.err());

        List<Path> csvs = new ArrayList<>();
        try (Stream<Path> a = Files.list(dir.resolve("out/tables"));
                Stream<Path> b = Files.list(dir.resolve("unccd").resolve(ExportCommand.CSV_DIR))) {
            Stream.concat(a, b).forEach(csvs::add);
        }
        assertTrue(csvs.size() > 10, csvs.toString());
        for (Path f : csvs) {
            List<List<String>> lines = read(f);
            int id = lines.get(0).indexOf("zone_id");
            int name = lines.get(0).indexOf("zone_name");
            assertTrue(id >= 0 && name >= 0, f + ": " + lines.get(0));
            List<String> ids = new ArrayList<>();
            for (List<String> line : lines) {
                for (String cell : line) {
                    assertFalse(formula(cell), f + ": cell " + cell.replace("\t", "\\t"));
                }
                ids.add(line.get(id));
                if (line.get(id).equals("'" + W_ID)) {
                    assertEquals("'" + W_NAME, line.get(name), f.toString());
                }
                if (line.get(id).equals("'" + E_ID)) {
                    assertEquals("'" + E_NAME, line.get(name), f.toString());
                }
            }
            assertTrue(ids.contains("'" + W_ID) && ids.contains("'" + E_ID), f + ": " + ids);
        }
        int named = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(dir.resolve("unccd").resolve(ExportCommand.WORKBOOK).toFile())) {
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        String where = s.getSheetName() + "!" + c.getAddress();
                        assertNotEquals(CellType.FORMULA, c.getCellType(), where);
                        if (c.getCellType() == CellType.STRING && formula(c.getStringCellValue())) {
                            assertTrue(c.getCellStyle().getQuotePrefixed(), where + " must be quote-prefixed text");
                        }
                        if (c.getCellType() == CellType.STRING && List.of(W_ID, W_NAME, E_ID, E_NAME)
                                .contains(c.getStringCellValue())) {
                            named++;
                        }
                    }
                }
            }
        }
        assertTrue(named > 20, "the names are in the workbook unchanged (" + named + " cells)");
    }

    /** A cell a spreadsheet would evaluate: starts with a trigger and is not a plain number. */
    static boolean formula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                && !cell.matches("-\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static List<List<String>> read(Path f) throws Exception {
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> lines = new ArrayList<>();
        try (var it = csv.readerForListOf(String.class).<List<String>>readValues(f.toFile())) {
            it.forEachRemaining(lines::add);
        }
        return lines;
    }
}
