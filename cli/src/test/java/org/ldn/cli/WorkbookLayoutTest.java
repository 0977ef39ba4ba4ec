package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.command.ExportCommand;
import org.ldn.cli.output.ReportingWorkbook;

/**
 * The exported workbook prints well: every sheet A4, fitted to one page wide, its print area the table, its title and
 * column labels repeated on every page, columns as wide as their widest value (zone names never cut), titles merged
 * across the table and wrapped, wide tables landscape; the row of all zones is named, not {@code __total__}. With
 * LibreOffice installed, the synthetic export is printed and each sheet takes exactly one page.
 */
class WorkbookLayoutTest {
    @TempDir
    static Path dir;
    static Path workbook;

    @BeforeAll
    static void export() throws Exception {
        SyntheticRunTest.write(dir);
        // a long zone name, to see that it is not cut
        Files.writeString(dir.resolve("zones.geojson"), Files.readString(dir.resolve("zones.geojson"))
                .replace("\"name\":\"Zone W\"", "\"name\":\"Western Highlands and Islands Province\""));
        CliRunner run = CliRunner.run("run", dir.resolve("ldn.yaml").toString(), "--out", dir.resolve("out").toString(),
                "-q");
        assertEquals(0, run.exitCode(), run.err());
        CliRunner export = CliRunner.run("export", dir.resolve("out/report.json").toString(), "--out",
                dir.resolve("unccd").toString());
        assertEquals(0, export.exitCode(), export.err());
        workbook = dir.resolve("unccd").resolve(ExportCommand.WORKBOOK);
    }

    @Test
    void everySheetIsSetUpForPrinting() throws Exception {
        DataFormatter shown = new DataFormatter(java.util.Locale.ROOT);
        try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) {
            assertTrue(wb.getNumberOfSheets() > 5);
            boolean landscape = false;
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet s = wb.getSheetAt(i);
                String name = s.getSheetName();
                int lastCol = 0;
                for (Row r : s) {
                    lastCol = Math.max(lastCol, r.getLastCellNum() - 1);
                }
                PrintSetup ps = s.getPrintSetup();
                assertEquals(PrintSetup.A4_PAPERSIZE, ps.getPaperSize(), name);
                assertTrue(s.getFitToPage(), name);
                assertEquals(1, ps.getFitWidth(), name + ": one page wide");
                assertEquals(0, ps.getFitHeight(), name + ": as many pages tall as needed");
                String area = wb.getPrintArea(i);
                assertNotNull(area, name + ": print area");
                assertEquals("$A$1:$" + col(lastCol) + "$" + (s.getLastRowNum() + 1),
                        area.substring(area.lastIndexOf('!') + 1), name + ": print area");
                int widthChars = 0;
                for (int c = 0; c <= lastCol; c++) {
                    widthChars += s.getColumnWidth(c) / 256;
                }
                landscape |= ps.getLandscape();
                if (!name.equals("About")) {
                    assertEquals(CellRangeAddress.valueOf("1:2"), s.getRepeatingRows(),
                            name + ": title and column labels on every page");
                    CellRangeAddress title = s.getMergedRegion(0);
                    assertEquals(new CellRangeAddress(0, 0, 0, lastCol), title, name + ": title across the table");
                    assertTrue(s.getRow(0).getCell(0).getCellStyle().getWrapText(), name);
                    assertTrue(s.getRow(0).getHeightInPoints() * widthChars
                            >= s.getDefaultRowHeightInPoints() * shown.formatCellValue(s.getRow(0).getCell(0)).length(),
                            name + ": the title's row holds the whole title");
                }
                for (Row r : s) {
                    if (r.getRowNum() == 0 && !name.equals("About")) {
                        continue;
                    }
                    for (Cell c : r) {
                        String text = shown.formatCellValue(c);
                        assertFalse(text.equals("__total__"), name + "!" + c.getAddress());
                        boolean fits = text.length() * 256 <= s.getColumnWidth(c.getColumnIndex());
                        boolean wraps = c.getCellStyle().getWrapText()
                                && r.getHeightInPoints() * s.getColumnWidth(c.getColumnIndex()) / 256.0
                                >= s.getDefaultRowHeightInPoints() * text.length() * 0.9;
                        assertTrue(fits || wraps, name + "!" + c.getAddress() + " '" + text + "' is cut");
                    }
                }
            }
            assertTrue(landscape, "the wide tables are landscape");
            assertFalse(wb.getSheet("About").getPrintSetup().getLandscape(), "two columns fit upright");
            XSSFSheet t4 = wb.getSheet("SO1-1.T4");
            assertTrue(t4.getPrintSetup().getLandscape(), "13 columns: landscape");
            List<String> ids = new ArrayList<>();
            for (int r = ReportingWorkbook.FIRST_DATA_ROW; r <= t4.getLastRowNum(); r++) {
                ids.add(t4.getRow(r).getCell(0).getStringCellValue() + "/" + t4.getRow(r).getCell(1).getStringCellValue());
            }
            assertTrue(ids.contains("Total/All zones"), ids.toString());
        }
    }

    /** Needs LibreOffice ({@code apt-get install libreoffice-calc-nogui}) and poppler-utils ({@code pdfinfo}). */
    @Test
    void eachSmallSheetPrintsOnOnePage() throws Exception {
        Assumptions.assumeTrue(onPath("soffice") && onPath("pdfinfo"),
                "LibreOffice (soffice) or pdfinfo not installed: apt-get install libreoffice-calc-nogui poppler-utils"
                        + " to count the printed pages");
        Path pdfDir = dir.resolve("pdf");
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + dir.resolve("lo").toAbsolutePath(),
                "--headless", "--convert-to", "pdf", "--outdir", pdfDir.toString(), workbook.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice did not finish");
        Path pdf = pdfDir.resolve("unccd_so1.pdf");
        assertTrue(Files.exists(pdf), Files.readString(dir.resolve("soffice.log")));
        Process info = new ProcessBuilder("pdfinfo", pdf.toString()).redirectErrorStream(true).start();
        String out = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) {
            // every table of the 2-zone synthetic run has fewer than 20 rows: one page each, none split across pages
            assertEquals(wb.getNumberOfSheets(), Integer.parseInt(m.group(1)), "pages");
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static String col(int c) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(c);
    }
}
