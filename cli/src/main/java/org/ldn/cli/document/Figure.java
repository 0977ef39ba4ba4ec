package org.ldn.cli.document;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * One number as the document shows it: the text a person reads, and for machines the figure itself
 * ({@code value}, exactly as in report.json or the reporting table), the factor the text shows it multiplied by
 * ({@code scale}: 100 for a proportion shown in percent) and, when it is a field of report.json, its path there
 * ({@code src}, e.g. {@code total.periods[1].status3.degradedKm2}). A figure not computed has an empty value and
 * shows a dash.
 */
record Figure(String text, String value, int scale, String src) {
    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    static Figure km2(Double v, String src) {
        return of(v, "#,##0.0", 1, "", src);
    }

    /** A proportion (0..1) shown in percent with two decimals. */
    static Figure percentOf(Double proportion, String src) {
        return of(proportion, "0.00", 100, " %", src);
    }

    /** A figure already in percent (a reporting-table cell). */
    static Figure percent(Double v, String src) {
        return of(v, "0.00", 1, " %", src);
    }

    /** Percentage points, signed. */
    static Figure points(Double v, String src) {
        return of(v, "+0.00;−0.00", 1, " pp", src);
    }

    /** An area change, signed. */
    static Figure km2Change(Double v, String src) {
        return of(v, "+#,##0.0;−#,##0.0", 1, "", src);
    }

    /** Tonnes and other large counts: whole numbers. */
    static Figure whole(Double v, String src) {
        return of(v, "#,##0", 1, "", src);
    }

    static Figure of(Double v, String pattern, int scale, String suffix, String src) {
        if (v == null || v.isNaN()) {
            return new Figure("–", "", scale, src == null ? "" : src);
        }
        double shown = v * scale;
        DecimalFormat f = new DecimalFormat(pattern, ROOT);
        String text = f.format(shown == 0 ? 0.0 : shown);
        if (text.chars().noneMatch(ch -> ch >= '1' && ch <= '9')) {
            text = f.format(0.0); // a tiny negative rounded to zero is shown without its minus sign
        }
        text += suffix;
        return new Figure(text, Double.toString(v), scale, src == null ? "" : src);
    }
}
