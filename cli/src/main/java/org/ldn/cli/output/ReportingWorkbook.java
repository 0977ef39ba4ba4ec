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
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ldn.core.report.Report;
import org.ldn.core.reporting.ReportingTable;

/**
 * The reporting tables as an Excel workbook (Apache POI): a first sheet "About" (source, engine, creation time),
 * then one sheet per table named by its id, each with the table's title in row 1, the column labels with their
 * units in row 2 (frozen), and one row per table row from row 3. Numbers are numeric cells holding the report's
 * doubles unrounded (only the display format rounds); blanks are empty cells. A table's notes follow its title in
 * row 1. The row of all zones together shows {@value #TOTAL_LABEL} as its zone id. Text is always a string cell,
 * never a formula ({@link SpreadsheetText}); {@link PrintLayout} sets widths and print settings of every sheet.
 */
public final class ReportingWorkbook {
    public static final int TITLE_ROW = 0;
    public static final int HEADER_ROW = 1;
    public static final int FIRST_DATA_ROW = 2;
    /** What the Zone ID column shows for the row of all zones together (the report's {@link Report#TOTAL_ID}). */
    public static final String TOTAL_LABEL = "Total";

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
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            CellStyle label = wb.createCellStyle();
            label.setFont(f);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle value = wb.createCellStyle();
            value.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle quotedValue = wb.createCellStyle();
            quotedValue.cloneStyleFrom(value);
            quotedValue.setQuotePrefixed(true);
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
                r.getCell(0).setCellStyle(label);
                r.createCell(1).setCellStyle(value);
                text(r.getCell(1), info[i][1], quotedValue);
            }
            for (ReportingTable t : tables) {
                sheet(wb.createSheet(WorkbookUtil.createSafeSheetName(t.id())), t, bold, number, quoted);
            }
            PrintLayout.apply(wb);
            wb.write(out);
        }
    }

    /**
     * A text cell: always a string cell (never a formula); text a spreadsheet could take for a formula also gets the
     * quote-prefix style, so it stays text when a user edits the cell ({@link SpreadsheetText}).
     */
    static void text(Cell cell, String value, CellStyle quoted) {
        cell.setCellValue(value);
        if (SpreadsheetText.formulaLike(value)) {
            cell.setCellStyle(quoted);
        }
    }

    private static void sheet(Sheet s, ReportingTable t, CellStyle bold, CellStyle number, CellStyle quoted) {
        Row title = s.createRow(TITLE_ROW);
        title.createCell(0).setCellValue(t.id() + ": " + t.title());
        title.getCell(0).setCellStyle(bold);
        if (!t.notes().isEmpty()) {
            // the notes under the title, in plain type: seen at the top of the sheet and on every printed page
            String head = t.id() + ": " + t.title();
            XSSFRichTextString text = new XSSFRichTextString(head + "\n" + String.join("\n", t.notes()));
            text.applyFont(0, head.length(), (short) bold.getFontIndex());
            text.applyFont(head.length(), text.length(), s.getWorkbook().createFont());
            title.getCell(0).setCellValue(text);
        }
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
                } else if (Report.TOTAL_ID.equals(v) && "zone_id".equals(t.columns().get(c).key())) {
                    cell.setCellValue(TOTAL_LABEL);
                } else {
                    text(cell, v.toString(), quoted);
                }
            }
        }
    }
}
