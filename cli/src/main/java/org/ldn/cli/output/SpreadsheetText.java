package org.ldn.cli.output;

import java.util.regex.Pattern;

/**
 * Text that a spreadsheet opening our CSV files or workbooks will show as text, never run as a formula (CSV
 * injection, as OWASP describes it): a text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return is "formula-like". In CSV such a cell gets a single quote in front (OWASP's recommendation; the
 * CSV writer quotes cells holding separators or quotes, so no cell can start a second field); in a workbook it is
 * written as a string cell with the quote-prefix style (what Excel itself does when a user types {@code '=...}), so
 * the cell shows the text unchanged and stays text when edited. Genuine numbers are left alone: {@code -12.5} is a
 * number, not a formula, and is written as such. Zone ids and names, period names and every other text of the user
 * pass through here.
 */
public final class SpreadsheetText {
    /** A plain decimal number, as our writers print them (optionally signed, with fraction and exponent). */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final String TRIGGERS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    /** True when a spreadsheet could read {@code text} as a formula: it starts with a trigger and is no number. */
    public static boolean formulaLike(String text) {
        return text != null && !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0
                && !NUMBER.matcher(text).matches();
    }

    /** {@code text} as a CSV cell: a single quote in front when it is formula-like, otherwise unchanged. */
    public static String csvCell(String text) {
        return formulaLike(text) ? "'" + text : text;
    }
}
