package org.ldn.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ldn.core.report.Report;
import org.ldn.core.reporting.ReportingTable;

/**
 * The reporting tables as an Excel workbook (Apache POI): a first sheet "About" (source, engine, creation time),
 * then one sheet per table named by its id, each with the table's title in row 1, the column labels with their
 * units in row 2 (frozen), and one row per table row from row 3. Numbers are numeric cells holding the report's
 * doubles unrounded (only the display format rounds); blanks are empty cells.
 */
public final class ReportingWorkbook {
    public static final int TITLE_ROW = 0;
    public static final int HEADER_ROW = 1;
    public static final int FIRST_DATA_ROW = 2;

    static {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            // POI logs through log4j-api, which without a logging backend prints an error line on first use
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    private ReportingWorkbook() {
    }

    /** Writes {@code tables} into {@code file} (.xlsx). */
    public static void write(Path file, String source, Report report, List<ReportingTable> tables) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            bold.setWrapText(true);
            CellStyle number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Sheet about = wb.createSheet("About");
            String[][] info = {
                {"Source report", source},
                {"Engine", report.engine() == null ? "" : report.engine().name() + " " + report.engine().version()},
                {"Report created", report.createdAt() == null ? "" : report.createdAt()},
                {"Layout", "UNCCD national reporting, strategic objective 1 (PRAIS 4 reporting manual)"},
                {"Figures", "areas in km², stocks in tonnes of carbon; percentages are 100 × part / land area;"
                    + " cells hold the report's values unrounded"}};
            for (int i = 0; i < info.length; i++) {
                Row r = about.createRow(i);
                r.createCell(0).setCellValue(info[i][0]);
                r.getCell(0).setCellStyle(bold);
                r.createCell(1).setCellValue(info[i][1]);
            }
            about.setColumnWidth(0, 20 * 256);
            about.setColumnWidth(1, 90 * 256);
            for (ReportingTable t : tables) {
                sheet(wb.createSheet(WorkbookUtil.createSafeSheetName(t.id())), t, bold, number);
            }
            wb.write(out);
        }
    }

    private static void sheet(Sheet s, ReportingTable t, CellStyle bold, CellStyle number) {
        Row title = s.createRow(TITLE_ROW);
        title.createCell(0).setCellValue(t.id() + ": " + t.title());
        title.getCell(0).setCellStyle(bold);
        Row header = s.createRow(HEADER_ROW);
        for (int c = 0; c < t.columns().size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(t.columns().get(c).label());
            cell.setCellStyle(bold);
            s.setColumnWidth(c, Math.min(40, Math.max(12, t.columns().get(c).label().length() / 2 + 4)) * 256);
        }
        s.createFreezePane(2, FIRST_DATA_ROW);
        for (int r = 0; r < t.rows().size(); r++) {
            Row row = s.createRow(FIRST_DATA_ROW + r);
            List<Object> cells = t.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof Double d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(number);
                } else if (v instanceof Integer i) {
                    cell.setCellValue(i);
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }
}
