package org.ldn.cli.output;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;

/**
 * Makes every sheet of a workbook read and print well, whatever wrote it, from its contents alone: column widths from
 * the widest text shown in each column (capped; longer text wraps and its row grows), a cell alone in its row (a title,
 * a note) merged across the table's width and wrapped so it is never cut, the print area the used range, A4
 * (landscape when the table is wider than an upright page holds at full size) fitted to one page wide (as many pages
 * tall as needed), the rows above a sheet's frozen pane (title and
 * column labels) repeated on every page, gridlines, narrow margins, and a footer with the sheet's name and the page
 * number. Applied last, to every sheet, so a table added later gets the same layout without code of its own.
 */
public final class PrintLayout {
    /** Narrowest and widest column, in characters of the default font. */
    static final int MIN_CHARS = 6;
    static final int MAX_CHARS = 48;
    /**
     * The widest table printed upright, in characters: an A4 page holds about 100 across inside the margins at full
     * size in the default font, so an upright table is scaled to no less than about 87 %; wider tables are printed
     * landscape, then scaled to the page's width.
     */
    static final int PORTRAIT_CHARS = 115;
    /** Width given to a column, beyond its widest text, in characters (bold labels, cell padding). */
    private static final int PAD_CHARS = 2;

    private PrintLayout() {
    }

    /** Lays out every sheet of {@code wb}. */
    public static void apply(Workbook wb) {
        DataFormatter shown = new DataFormatter(Locale.ROOT);
        Map<Short, CellStyle> wrapped = new HashMap<>();
        for (Sheet s : wb) {
            apply(wb, s, shown, wrapped);
        }
    }

    private static void apply(Workbook wb, Sheet s, DataFormatter shown, Map<Short, CellStyle> wrapped) {
        int lastRow = s.getLastRowNum();
        int lastCol = -1;
        for (Row r : s) {
            lastCol = Math.max(lastCol, r.getLastCellNum() - 1);
        }
        if (lastRow < 0 || lastCol < 0) {
            return;
        }
        int[] chars = new int[lastCol + 1];
        for (Row r : s) {
            if (alone(r, lastCol)) {
                continue;
            }
            for (Cell c : r) {
                String text = shown.formatCellValue(c);
                int need = c.getCellStyle().getWrapText() ? wrappedWidth(text) : text.length();
                chars[c.getColumnIndex()] = Math.max(chars[c.getColumnIndex()], need);
            }
        }
        int total = 0;
        for (int c = 0; c <= lastCol; c++) {
            chars[c] = Math.min(MAX_CHARS, Math.max(MIN_CHARS, chars[c] + PAD_CHARS));
            s.setColumnWidth(c, chars[c] * 256);
            total += chars[c];
        }
        float line = s.getDefaultRowHeightInPoints();
        for (Row r : s) {
            int lines = 1;
            if (alone(r, lastCol)) {
                Cell c = r.getCell(r.getFirstCellNum());
                if (lastCol > 0 && !merged(s, r.getRowNum())) {
                    s.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, lastCol));
                }
                lines = lines(shown.formatCellValue(c), total - PAD_CHARS);
                wrap(wb, c, wrapped);
            } else {
                for (Cell c : r) {
                    String text = shown.formatCellValue(c);
                    int width = chars[c.getColumnIndex()] - PAD_CHARS;
                    if (text.length() > width || text.indexOf('\n') >= 0) {
                        wrap(wb, c, wrapped);
                        lines = Math.max(lines, lines(text, width));
                    }
                }
            }
            if (lines > 1) {
                r.setHeightInPoints(Math.max(r.getHeightInPoints(), lines * line + 2));
            }
        }
        wb.setPrintArea(wb.getSheetIndex(s), 0, lastCol, 0, lastRow);
        PrintSetup ps = s.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(total > PORTRAIT_CHARS);
        s.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        s.setAutobreaks(true);
        s.setPrintGridlines(true);
        s.setMargin(PageMargin.LEFT, 0.4);
        s.setMargin(PageMargin.RIGHT, 0.4);
        s.setMargin(PageMargin.TOP, 0.5);
        s.setMargin(PageMargin.BOTTOM, 0.6);
        PaneInformation pane = s.getPaneInformation();
        if (pane != null && pane.isFreezePane() && pane.getHorizontalSplitPosition() > 0) {
            s.setRepeatingRows(new CellRangeAddress(0, pane.getHorizontalSplitPosition() - 1, -1, -1));
        }
        s.getFooter().setCenter("&A - page &P of &N"); // the sheet's name, the page, the pages (header/footer codes)
    }

    /** A row holding one cell, in column 0, in a sheet of several columns: a title or a note. */
    private static boolean alone(Row r, int lastCol) {
        return lastCol > 0 && r.getPhysicalNumberOfCells() == 1 && r.getFirstCellNum() == 0;
    }

    private static boolean merged(Sheet s, int row) {
        for (CellRangeAddress a : s.getMergedRegions()) {
            if (a.getFirstRow() <= row && a.getLastRow() >= row) {
                return true;
            }
        }
        return false;
    }

    /** The style of {@code c} with wrapping (one new style per original style). */
    private static void wrap(Workbook wb, Cell c, Map<Short, CellStyle> wrapped) {
        CellStyle from = c.getCellStyle();
        if (from.getWrapText()) {
            return;
        }
        c.setCellStyle(wrapped.computeIfAbsent(from.getIndex(), k -> {
            CellStyle w = wb.createCellStyle();
            w.cloneStyleFrom(from);
            w.setWrapText(true);
            return w;
        }));
    }

    /** The width a wrapping cell wants: its longest word, and at most two lines for long labels. */
    static int wrappedWidth(String text) {
        int longestWord = 0;
        for (String w : text.split("\\s+")) {
            longestWord = Math.max(longestWord, w.length());
        }
        return Math.max(longestWord, Math.min(text.length(), (text.length() + 1) / 2));
    }

    /** Lines {@code text} takes in {@code width} characters, wrapped at spaces (a longer word is cut). */
    static int lines(String text, int width) {
        int w = Math.max(1, width);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            int used = 0;
            for (String word : paragraph.split(" ")) {
                int len = word.length();
                if (used > 0 && used + 1 + len > w) {
                    lines++;
                    used = 0;
                }
                if (used == 0) {
                    lines += (len - 1) / w > 0 ? (len - 1) / w : 0;
                    used = len > w ? len % w : len;
                } else {
                    used += 1 + len;
                }
            }
        }
        return lines;
    }
}
